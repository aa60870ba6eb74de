package dev.scenarist.packs.mechanisms.internal.design;

import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfElement;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfFrames;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfModel;
import dev.scenarist.packs.mechanisms.internal.mjcf.MjcfReadException;
import dev.scenarist.packs.mechanisms.internal.mjcf.Pose;
import dev.scenarist.packs.mechanisms.internal.scenefile.Numbers;
import dev.scenarist.packs.mechanisms.scene.DesignedPart;
import dev.scenarist.packs.mechanisms.scene.Quat;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A scene with a solution's parts in it, as MJCF text for MuJoCo to load in place of the scene file (which never
 * changes). Each part becomes a body of its own holding one geom, both named after the part: a child of the body it
 * is welded to (no joint, so rigidly attached, its mass added to that body whatever inertial the body declares),
 * a static child of the world, or a world child with a free joint. The part's world pose at t = 0 is turned into
 * its parent's frame with the scene's own frames (MuJoCo's reading of pos and orientations, {@link MjcfFrames}).
 */
public final class DesignedScene {
    /** The colour parts are drawn in: none of the zone or label hues. */
    private static final String PART_RGBA = "0.85 0.65 0.35 1";

    private DesignedScene() {}

    /** Why the parts cannot be put into the scene: the part, and the fix. */
    public static final class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message);
        }
    }

    /** The scene file's text with {@code parts} added. */
    public static String write(Path sceneXml, List<DesignedPart> parts) throws RefusedException {
        MjcfModel model;
        Document doc;
        try {
            model = MjcfModel.load(sceneXml);
            doc = parse(Files.readString(sceneXml, StandardCharsets.UTF_8));
        } catch (IOException | SAXException | ParserConfigurationException e) { // MjcfReadException is an IOException
            throw new RefusedException("cannot read the scene " + sceneXml.getFileName() + " to add the parts: " + e.getMessage());
        }
        MjcfFrames frames = MjcfFrames.of(model);
        Element worldbody = first(doc.getDocumentElement(), "worldbody")
                .orElseThrow(() -> new RefusedException(sceneXml.getFileName() + " has no <worldbody> to add the parts to"));
        for (DesignedPart p : parts) {
            if (model.named("body", p.name()).isPresent() || model.named("geom", p.name()).isPresent()) {
                throw new RefusedException("part '" + p.name() + "': the scene already has a body or geom of that name; rename the part");
            }
            Pose world = new Pose(p.position(), p.orientation());
            Element parent = worldbody;
            Pose local = world;
            if (!p.free() && !p.weldedTo().equals(DesignedPart.WORLD)) {
                MjcfElement body = model.named("body", p.weldedTo()).orElseThrow(() -> new RefusedException("part '" + p.name()
                        + "': weld_to names no body of the scene ('" + p.weldedTo() + "'); use a body name of scene.xml, \"world\", or null for a free part"));
                parent = bodyElement(worldbody, p.weldedTo()).orElseThrow(() -> new RefusedException("part '" + p.name()
                        + "': body '" + p.weldedTo() + "' is declared in an included file, where parts cannot be welded; weld to another body"));
                try {
                    local = worldPose(body, frames).relative(world);
                } catch (MjcfReadException e) {
                    throw new RefusedException("part '" + p.name() + "': cannot place it on body '" + p.weldedTo() + "': " + e.getMessage());
                }
            }
            parent.appendChild(partBody(doc, p, local));
        }
        return serialize(doc);
    }

    /** The body's frame in the world at t = 0: its own and its ancestors' (bodies and frames) poses composed. */
    private static Pose worldPose(MjcfElement body, MjcfFrames frames) throws MjcfReadException {
        Pose pose = Pose.IDENTITY;
        for (Optional<MjcfElement> e = Optional.of(body); e.isPresent(); e = e.get().parent()) {
            String tag = e.get().tag();
            if (tag.equals("body") || tag.equals("frame")) pose = frames.pose(e.get()).compose(pose);
        }
        return pose;
    }

    private static Element partBody(Document doc, DesignedPart p, Pose local) {
        Element body = doc.createElement("body");
        body.setAttribute("name", p.name());
        body.setAttribute("pos", numbers(local.position().x(), local.position().y(), local.position().z()));
        Quat q = local.rotation();
        body.setAttribute("quat", numbers(q.w(), q.x(), q.y(), q.z()));
        if (p.free()) {
            Element joint = doc.createElement("freejoint");
            joint.setAttribute("name", p.name() + "_free");
            body.appendChild(joint);
        }
        Element geom = doc.createElement("geom");
        geom.setAttribute("name", p.name());
        geom.setAttribute("type", p.shape().name().toLowerCase(Locale.ROOT));
        geom.setAttribute("size", numbers(p.size().stream().mapToDouble(Double::doubleValue).toArray()));
        if (p.mass() > 0) geom.setAttribute("mass", Numbers.format(p.mass()));
        else geom.setAttribute("density", Numbers.format(p.density()));
        // explicit, so that no default class of the scene makes a part a non-colliding marker
        geom.setAttribute("contype", "1");
        geom.setAttribute("conaffinity", "1");
        geom.setAttribute("rgba", PART_RGBA);
        body.appendChild(geom);
        return body;
    }

    private static Optional<Element> bodyElement(Element root, String name) {
        NodeList bodies = root.getElementsByTagName("body");
        for (int i = 0; i < bodies.getLength(); i++) {
            Element b = (Element) bodies.item(i);
            if (name.equals(b.getAttribute("name"))) return Optional.of(b);
        }
        return Optional.empty();
    }

    private static Optional<Element> first(Element root, String tag) {
        NodeList list = root.getElementsByTagName(tag);
        return list.getLength() == 0 ? Optional.empty() : Optional.of((Element) list.item(0));
    }

    private static String numbers(double... values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) b.append(b.isEmpty() ? "" : " ").append(Numbers.format(v));
        return b.toString();
    }

    private static Document parse(String text) throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // a scene file is data: no DTDs, no external entities
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    private static String serialize(Document doc) throws RefusedException {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new RefusedException("cannot write the scene with the parts: " + e.getMessage());
        }
    }
}

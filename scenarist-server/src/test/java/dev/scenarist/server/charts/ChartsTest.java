package dev.scenarist.server.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartsTest {
    private static final String NASTY = "a<b & \"c\" 'd'></svg><script>x</script>";

    @Test
    void aBarChartIsWellFormedAccessibleSvgWithEveryValueAsText() throws Exception {
        String svg = BarChart.render("Success rate per pack", "accepted of judged runs",
                List.of(new Bar("quiz", 0.75, "75.0% (3/4)"), new Bar("boxes", 0.25, "25.0% (1/4)")), OptionalDouble.of(1));

        Document d = parse(svg);
        Element root = d.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo("Success rate per pack");
        assertThat(first(d, "title").getTextContent()).isEqualTo("Success rate per pack");
        assertThat(first(d, "desc").getTextContent()).contains("quiz 75.0% (3/4)").contains("boxes 25.0% (1/4)");
        assertThat(texts(d)).contains("quiz", "boxes", "75.0% (3/4)", "25.0% (1/4)", "accepted of judged runs", "0", "1");
    }

    @Test
    void barsAreAsLongAsTheirShareOfTheMaximum() throws Exception {
        Document d = parse(BarChart.render("t", "x", List.of(new Bar("full", 10), new Bar("half", 5), new Bar("none", 0)), OptionalDouble.of(10)));

        List<Double> widths = rects(d, "chart-bar").stream().map(r -> Double.parseDouble(r.getAttribute("width"))).toList();
        assertThat(widths).hasSize(3);
        assertThat(widths.get(1)).isEqualTo(widths.get(0) / 2);
        assertThat(widths.get(2)).isZero();
    }

    @Test
    void labelsTitlesAndValuesAreEscaped() throws Exception {
        String svg = BarChart.render(NASTY, NASTY, List.of(new Bar(NASTY, 1, NASTY)), OptionalDouble.empty());

        assertThat(svg).doesNotContain("<script>").doesNotContain("</svg><");
        Document d = parse(svg);
        assertThat(first(d, "title").getTextContent()).isEqualTo(NASTY);
        assertThat(texts(d)).contains(NASTY);
        assertThat(d.getElementsByTagName("script").getLength()).isZero();
    }

    @Test
    void aHistogramHasItsBucketsAxisLabelsAndCounts() throws Exception {
        Document d = parse(Histogram.render("Attempts to pass a stage", "attempt", "stages passed",
                List.of(new Bar("#1", 5), new Bar("#2", 1), new Bar("#3", 0))));

        assertThat(texts(d)).contains("#1", "#2", "#3", "5", "1", "attempt", "stages passed");
        List<Double> heights = rects(d, "chart-bar").stream().map(r -> Double.parseDouble(r.getAttribute("height"))).toList();
        assertThat(heights.get(0)).isGreaterThan(heights.get(1));
        assertThat(heights.get(2)).isZero();
    }

    @Test
    void aLineChartDrawsOneLinePerSeriesWithALegendAndPointValues() throws Exception {
        Document d = parse(LineChart.render("Failures over time", "hour", "findings", List.of("10h", "11h", "12h"),
                List.of(new LineChart.Series("schema:SCHEMA_BAD", List.of(1.0, 0.0, 2.0)), new LineChart.Series(NASTY, List.of(0.0, 3.0, 0.0)))));

        assertThat(d.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(d.getElementsByTagName("circle").getLength()).isEqualTo(6);
        assertThat(texts(d)).contains("schema:SCHEMA_BAD", NASTY, "10h", "hour", "findings");
        assertThat(first(d, "desc").getTextContent()).contains("schema:SCHEMA_BAD 10h=1, 11h=0, 12h=2");
    }

    @Test
    void aSeriesOfTheWrongLengthIsRefusedByName() {
        assertThatThrownBy(() -> LineChart.render("t", "x", "y", List.of("a", "b"), List.of(new LineChart.Series("s1", List.of(1.0)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s1").hasMessageContaining("1 values for 2");
    }

    @Test
    void emptyChartsSaySoAndStayWellFormed() throws Exception {
        assertThat(texts(parse(BarChart.render("t", "x", List.of(), OptionalDouble.empty())))).contains("no data yet");
        assertThat(texts(parse(Histogram.render("t", "x", "y", List.of())))).contains("no data yet");
        assertThat(texts(parse(LineChart.render("t", "x", "y", List.of(), List.of())))).contains("no data yet");
    }

    @Test
    void aNegativeOrMissingValueIsRefused() {
        assertThatThrownBy(() -> new Bar("x", -1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> new Bar("x", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAndAxisTopsReadWell() {
        assertThat(Svg.value(3)).isEqualTo("3");
        assertThat(Svg.value(0.125)).isEqualTo("0.125");
        assertThat(Svg.value(2.5)).isEqualTo("2.5");
        assertThat(Svg.niceMax(7)).isEqualTo(10);
        assertThat(Svg.niceMax(0.3)).isEqualTo(0.5);
        assertThat(Svg.niceMax(0)).isEqualTo(1);
    }

    static Document parse(String svg) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element first(Document d, String tag) {
        return (Element) d.getElementsByTagName(tag).item(0);
    }

    private static List<String> texts(Document d) {
        NodeList n = d.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) out.add(n.item(i).getTextContent());
        return out;
    }

    private static List<Element> rects(Document d, String cssClass) {
        NodeList n = d.getElementsByTagName("rect");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) {
            Element e = (Element) n.item(i);
            if (e.getAttribute("class").equals(cssClass)) out.add(e);
        }
        return out;
    }
}

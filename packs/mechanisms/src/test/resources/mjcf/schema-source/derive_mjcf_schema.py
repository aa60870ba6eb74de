#!/usr/bin/env python3
"""Derive src/main/resources/mjcf/mjcf-schema.json from two inputs that sit beside this script:

  mjcf.schema.condensed    types, keyword sets, required attributes, id/ref namespaces and child cardinalities,
                           transcribed from google-deepmind/mujoco src/xml/mjcf.schema (Apache-2.0)
  mj_printSchema-3.14.0.txt  the element/attribute table compiled into MuJoCo 3.14.0, printed by
                           mujoco.mj_printSchema(False, False) from the PyPI wheel mujoco==3.14.0

The element tree and attribute names are cross-checked against the 3.14.0 printout; any disagreement stops the
script, so the resource never names an attribute MuJoCo 3.14.0 does not know, nor misses one it does.

usage: python3 derive_mjcf_schema.py <out.json>
"""
import json, re, sys, os

HERE = os.path.dirname(os.path.abspath(__file__))
CONSTANTS = {"mjNREF": 2, "mjNIMP": 5, "mjNDYN": 10, "mjNGAIN": 10, "mjNBIAS": 10}

def parse_condensed(text):
    """enum/group/element blocks of the condensed transcription; '#' starts a comment."""
    enums, groups, elements = {}, {}, {}
    body_text = "\n".join(line.split('#', 1)[0].rstrip() for line in text.splitlines())
    for m in re.finditer(r'^(enum|group|element)\s+([^{]+?)\s*\{(.*?)\}\s*$', body_text, re.S | re.M):
        kind, head, body = m.group(1), m.group(2).strip(), m.group(3)
        if kind == 'enum':
            enums[head] = body.split()
            continue
        lines = [l.strip() for l in body.splitlines() if l.strip()]
        if kind == 'group':
            groups[head.split()[0]] = lines
        else:
            parts = head.split()
            elements[parts[0]] = {"meta": dict(p.split('=', 1) for p in parts[1:]), "body": lines}
    return enums, groups, elements

def parse_type(t):
    m = re.fullmatch(r'(double|float|int|bool|string|file|chars)(\[(.*?)\])?', t)
    if m:
        base, arr, rng = m.group(1), m.group(2), m.group(3)
        out = {"type": {"double": "real", "float": "real"}.get(base, base)}
        if arr is not None:
            if rng == '':
                out["count"] = [0, -1]
            elif '..' in rng:
                a, b = rng.split('..')
                out["count"] = [int(CONSTANTS.get(a, a)), int(CONSTANTS.get(b, b))]
            else:
                n = int(CONSTANTS.get(rng, rng))
                out["count"] = [n, n]
        return out
    m = re.fullmatch(r'(enum|flags|id|ref)<(\w+)>', t)
    if m:
        k, n = m.groups()
        if k == 'enum': return {"type": "keyword", "enum": n}
        if k == 'flags': return {"type": "flags", "enum": n}
        if k == 'id': return {"type": "string", "id": n}
        return {"type": "string", "ref": n}
    raise ValueError("unknown type " + t)

def build_element(eid, raw, groups):
    attrs, children, constraints = {}, [], []

    def add_line(l):
        if l.startswith('use '):
            for gl in groups[l.split()[1]]:
                add_line(gl)
            return
        if l.startswith('child '):
            parts = l.split()
            c = {"element": parts[1], "card": parts[2]}
            if len(parts) > 3 and parts[3] == 'projection':
                c["projection"] = True
            children.append(c)
            return
        m = re.match(r'(exclusive|together|requires|oneof)\s+(.*)', l)
        if m:
            constraints.append({"kind": m.group(1), "bundles": [b.split('+') for b in m.group(2).split()]})
            return
        m = re.match(r'(\w+)\s*:\s*(\S+)\s*(\((.*)\))?$', l)
        if not m:
            raise ValueError(f"cannot parse line in {eid}: {l!r}")
        name, t, facets = m.group(1), m.group(2), m.group(4)
        a = parse_type(t)
        fs = [f.strip() for f in facets.split(',')] if facets else []
        if 'required' in fs: a["required"] = True
        if 'nodefault' in fs: a["nodefault"] = True
        if 'positive' in fs: a["positive"] = True
        attrs[name] = a

    for l in raw["body"]:
        add_line(l)
    return attrs, children, constraints

def parse_printout(text):
    root = None
    stack = []
    cur = None
    for line in text.splitlines():
        if not line.strip():
            continue
        m = re.match(r'^( *)(\(world\))?(\w+) \(([!?*R])\)\s*(.*)$', line)
        if m:
            indent = len(m.group(1)) // 3
            node = {"tag": m.group(3), "world": bool(m.group(2)), "card": m.group(4),
                    "attrs": m.group(5).split(), "children": []}
            while len(stack) > indent:
                stack.pop()
            if stack:
                stack[-1]["children"].append(node)
            else:
                root = node
            stack.append(node)
            cur = node
        else:
            cur["attrs"] += line.split()
    return root

def main(out):
    enums, groups, raw = parse_condensed(open(os.path.join(HERE, 'mjcf.schema.condensed')).read())
    elements = {}
    for eid, r in raw.items():
        attrs, children, constraints = build_element(eid, r, groups)
        e = {"tag": r["meta"].get("xml", eid)}
        if "alias" in r["meta"]:
            e["alias"] = r["meta"]["alias"]
        if any(l == 'use orientation' for l in r["body"]):
            e["orientation"] = True
        e["attrs"] = attrs
        e["children"] = children
        if constraints:
            e["constraints"] = constraints
        elements[eid] = e
    # orientation variant group: mutually exclusive
    for e in elements.values():
        if e.pop("orientation", False):
            e.setdefault("constraints", []).insert(0, {"kind": "exclusive",
                "bundles": [["quat"], ["axisangle"], ["xyaxes"], ["zaxis"], ["euler"]]})
    # default-class projections: the primary element minus name/class/nodefault attributes
    for d in list(elements["default"]["children"]):
        if d.pop("projection", False):
            prim = elements[d["element"]]
            pid = "default_" + d["element"]
            elements[pid] = {"tag": prim["tag"], "attrs": {k: v for k, v in prim["attrs"].items()
                              if k not in ("name", "class") and not v.get("nodefault")},
                             "children": [c for c in prim["children"] if d["element"] == "material"],
                             "projectionOf": d["element"]}
            d["element"] = pid
    for e in elements.values():
        for a in e["attrs"].values():
            a.pop("nodefault", None)
        for c in e["children"]:
            c["tag"] = elements[c["element"]]["tag"]
    # --- cross-check against the MuJoCo 3.14.0 printout
    tree = parse_printout(open(os.path.join(HERE, 'mj_printSchema-3.14.0.txt')).read())
    problems = []
    def check(node, eid, path):
        e = elements[eid]
        want = set(node["attrs"])
        have = set(e["attrs"])
        if eid == 'worldbody':
            have = set(elements['body']["attrs"])  # the 3.14 table admits body attributes; the reader rejects them
        if want != have:
            problems.append(f"{path}: only in 3.14.0 {sorted(want - have)}, only in schema {sorted(have - want)}")
        bytag = {c["tag"]: c for c in (elements['body'] if eid == 'worldbody' else e)["children"]}
        for ch in node["children"]:
            tag = 'worldbody' if ch["world"] else ch["tag"]
            c = bytag.get(tag)
            if c is None:
                problems.append(f"{path}/{tag}: child missing in schema")
                continue
            card = ch["card"]
            if card != c["card"] and not (ch["world"]):
                problems.append(f"{path}/{tag}: cardinality {card} in 3.14.0 vs {c['card']}")
            check(ch, c["element"], path + "/" + tag)
        printed = {('worldbody' if ch["world"] else ch["tag"]) for ch in node["children"]}
        for c in e["children"]:
            if c["tag"] not in printed and c["tag"] not in ('frame', 'replicate', 'default', 'body'):
                problems.append(f"{path}/{c['tag']}: in schema but not in the 3.14.0 table")
    check(tree, 'mujoco', 'mujoco')
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    used = {a["enum"] for e in elements.values() for a in e["attrs"].values() if "enum" in a}
    doc = {
        "comment": "MJCF schema for static validation, derived from MuJoCo's own schema. Element ids are unique; "
                   "'tag' is the XML name (one tag can mean different elements by context, e.g. joint in a body, "
                   "in a fixed tendon, in an equality). attrs: type is string|int|real|bool|keyword|flags|file|chars; "
                   "positive: every value must be > 0; "
                   "count [min,max] (max -1 = unbounded) for arrays, absent for scalars; enum names a keyword set; "
                   "id declares the element's name in a namespace, ref resolves a name in one. children: card is "
                   "! (exactly one), ? (at most one), * (any), R (any, recursive). Generated by "
                   "src/test/resources/mjcf/schema-source/derive_mjcf_schema.py: do not edit by hand.",
        "source": {
            "repository": "google-deepmind/mujoco",
            "path": "src/xml/mjcf.schema",
            "commit": "05100638229cea8685635dfea356d0c18e951d2f",
            "license": "Apache-2.0 (Copyright 2026 DeepMind Technologies Limited)",
            "crossCheckedAgainst": "MuJoCo 3.14.0 compiled table: mujoco.mj_printSchema(False, False), PyPI wheel mujoco==3.14.0 (element tree, multiplicities and attribute names identical once the 4 attributes 3.14.0 has and that commit lacks are added: option/flag ipc, body/site mesh, composite/site mesh, sensor/tactile cutoff); fixed-tendon joint coef and pulley divisor marked required as 3.14.0 requires them",
            "constants": CONSTANTS,
        },
        "root": "mujoco",
        "enums": {k: v for k, v in enums.items() if k in used},
        "elements": elements,
    }
    with open(out, 'w') as f:
        f.write(dump(doc))

def dump(doc):
    # top levels pretty, each element's attribute map one entry per line, to keep diffs readable
    out = ['{']
    keys = list(doc)
    for i, k in enumerate(keys):
        v = doc[k]
        comma = ',' if i < len(keys) - 1 else ''
        if k == 'elements':
            out.append(f'  "elements": {{')
            ek = list(v)
            for j, eid in enumerate(ek):
                e = v[eid]
                out.append(f'    {json.dumps(eid)}: {{')
                parts = []
                for fk, fv in e.items():
                    if fk == 'attrs':
                        if not fv:
                            parts.append('      "attrs": {}')
                        else:
                            inner = ',\n'.join(f'        {json.dumps(an)}: {json.dumps(av)}' for an, av in fv.items())
                            parts.append('      "attrs": {\n' + inner + '\n      }')
                    elif fk == 'children':
                        if not fv:
                            parts.append('      "children": []')
                        else:
                            inner = ',\n'.join(f'        {json.dumps(c)}' for c in fv)
                            parts.append('      "children": [\n' + inner + '\n      ]')
                    else:
                        parts.append(f'      {json.dumps(fk)}: {json.dumps(fv)}')
                out.append(',\n'.join(parts))
                out.append('    }' + (',' if j < len(ek) - 1 else ''))
            out.append('  }' + comma)
        elif k == 'enums':
            out.append('  "enums": {')
            ek = list(v)
            out.append(',\n'.join(f'    {json.dumps(n)}: {json.dumps(v[n])}' for n in ek))
            out.append('  }' + comma)
        else:
            out.append(f'  {json.dumps(k)}: {json.dumps(v, indent=None)}{comma}')
    out.append('}')
    return '\n'.join(out) + '\n'

if __name__ == '__main__':
    main(sys.argv[1])

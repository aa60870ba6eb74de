#!/usr/bin/env node
// Scenarist MuJoCo sidecar: a long-lived Node process that loads MJCF scenes into the official MuJoCo WASM
// bindings (npm @mujoco/mujoco 3.14.0, pinned with its checksum in package-lock.json; install.sh runs npm ci)
// and simulates them. One request at a time; the Java client (MujocoSidecar) serializes callers.
//
// Protocol: newline-delimited JSON. One request per line on stdin, one answer per line on stdout, in order.
// stdout carries nothing else (console.log goes to stderr, and so does anything the engine prints).
//
// On start-up the process prints one line:
//   {"ready":true,"mujoco_version":"3.14.0","node_version":"v20.x","pid":123}
//
// Requests:
//   {"id":1,"op":"ping"}                      -> {"id":1,"ok":true,"pong":true,"mujoco_version":"3.14.0"}
//   {"id":2,"op":"shutdown"}                  -> {"id":2,"ok":true} and the process exits 0
//   {"id":3,"op":"simulate",
//    "xml_path":"/abs/scene.xml",             required, absolute
//    "assets_dir":"/abs/dir",                 optional, default: the XML's folder; its files (XML, MJCF, STL,
//                                             OBJ, MSH, PNG, SKN, BIN; not node_modules or dot-folders) are
//                                             copied into MuJoCo's in-memory file system (Emscripten MEMFS) under
//                                             /job<n>/ with their relative paths, so meshdir, file= and <include>
//                                             resolve as on disk; error texts name the real paths again
//    "files_root":"/abs/dir",                 optional, with "files": instead of assets_dir, exactly these files
//    "files":[{"rel":"robot/x.xml",           are written under /job<n>/ at their "rel" paths (relative to files_root,
//              "abs":"/real/robot/x.xml"}],  no "..", read from "abs", which must be a regular file; a file the model
//                                             names by absolute path has "at" instead of "rel" and is written there,
//                                             then removed with the job): the Java client
//                                             lists what the model reads (includes and assets, possibly in folders
//                                             beside the model's, e.g. ../common/x.xml), so MuJoCo resolves every path
//                                             as on disk and sees nothing else; xml_path must lie under files_root
//    "duration":1.0,                          simulated seconds, default 1.0
//    "speed_limit":15.7,                      optional, m/s: the answer says when a body first went faster
//    "bounds":{"min":[x,y,z],"max":[x,y,z]},  optional: moving bodies whose COM leaves this box are listed
//    "max_steps":1000000}                     optional cap on round(duration / timestep)
//   {"id":4,"op":"evaluate", ...}             plays a task's solution and measures its predicates ("evaluate" below)
//
// Answers to simulate:
//   loaded and simulated:
//     {"id":3,"ok":true,"load_error":null,"mujoco_version":"3.14.0",
//      "timestep":0.002,"steps":500,"simulated_seconds":1.0,"gravity":[0,0,-9.81],
//      "nbody":3,"nq":7,"nv":6,
//      "max_body_speed":9.81,"max_body_speed_body":"ball","max_body_speed_time":1.0,
//      "speed_limit_exceeded_at":0.64,                     (null when never, or when no limit was given)
//      "nan":false,"nan_first_time":null,
//      "initial_penetration":0.0021,"penetrating_pair":["box_a","box_b"],  (0.0 and null when none)
//      "initial_contacts":4,
//      "out_of_bounds":[{"body":"ball","time":0.4,"position":[0,0,-1.2]}],
//      "warnings":[{"code":"mjWARN_BADQACC","count":1,"last_info":3,"text":"Nan, Inf or huge value in QACC ..."}],
//      "resets":1,
//      "engine_output":[],                                 (anything the engine printed, at most 50 lines)
//      "wall_ms":12.3,
//      "pid":4242,"served_from_ms":1765100000000,"served_until_ms":1765100000012}  (this process, and when it
//                                                                             served the request: epoch ms)
//   MuJoCo rejected the model (XML parse or compile error):
//     {"id":3,"ok":false,"load_error":"XML Error: zero quaternion is not allowed\nElement 'geom', line 5"}
//   the model loaded but could not be simulated (MuJoCo raised an error while stepping, or the step cap):
//     {"id":3,"ok":false,"load_error":null,"simulation_error":"..."}
//   a bad request (missing file, unknown op, malformed JSON):
//     {"id":3,"ok":false,"error":"..."}
//   If the WebAssembly runtime aborts (e.g. out of memory) the module is unusable: the sidecar answers with
//   "fatal":true and exits with status 70 so the client starts a fresh one.
//
// Body speed: for every body not welded to the world, the linear speed of its centre of mass in the world frame,
// i.e. the last three components of mj_objectVelocity(m, d, mjOBJ_BODY, b, res, flg_local=0). It is computed
// here from the same inputs mj_objectVelocity uses -- cvel (6D com-based velocity: [angular; linear] at
// subtree_com of the body's root, world orientation), xipos and subtree_com -- as v + w x (xipos - subtree_com),
// which avoids one WASM call per body per step (checked equal to mj_objectVelocity to 1e-6).
// mj_step computes cvel/xipos from the state *before* integrating, so sampling after every mj_step sees states
// 0..N-1, and one mj_forward after the loop adds the final state N (a body in free fall for T seconds therefore
// reports g*T, not g*(T-dt)).
//
// Warnings: MuJoCo's mjData.warning counters (mjWARN_INERTIA, _CONTACTFULL, _CNSTRFULL, _BADQPOS, _BADQVEL,
// _BADQACC, _BADCTRL), read after every step. With autoreset (MuJoCo's default) a bad state resets mjData --
// which also zeroes these counters -- so the counters are accumulated across resets (a reset shows as simulated
// time not advancing by one timestep).
// Compile-time warnings (mjs_numWarnings / mjs_getWarning, e.g. an unconstrained flex) are NOT reported: in the
// 3.14.0 bindings MjModel.from_xml_path drops the warning text mj_loadXML returns, and the only other route,
// parseXMLString + mj_compile, leaks every parsed spec (its wrapper never frees the mjSpec: ~2 MB per load of a
// humanoid), which a long-lived process cannot afford.
//
// NaN: any non-finite value in qpos, qvel or act after a step. With autoreset MuJoCo usually catches the
// instability first (mjWARN_BADQ* and a reset), so callers should treat those warnings as instability too.
//
// Memory: every request deletes its MjModel/MjData/contact wrappers and removes its /job<n> folder; 432
// requests over the shared test models kept the process at a steady ~164 MB RSS.
//
// Initial penetration: after mj_forward at t = 0 (qpos0), the most negative mjContact.dist among active contacts
// (exclude 0 or 1), reported as a positive depth in metres with the two geoms' names.

import loadMujoco from '@mujoco/mujoco';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

// Keep stdout for protocol lines only.
const protocolOut = process.stdout;
console.log = (...args) => console.error(...args);
console.info = (...args) => console.error(...args);

const ASSET_EXTENSIONS = new Set(['.xml', '.mjcf', '.stl', '.obj', '.msh', '.png', '.skn', '.bin']);
const SKIPPED_DIRS = new Set(['node_modules']); // and every folder whose name starts with a dot
const MAX_ASSET_FILES = 20000;
const MAX_ASSET_BYTES = 512 * 1024 * 1024;
const DEFAULT_MAX_STEPS = 1000000;

const engineOutput = [];
const mujoco = await loadMujoco({
  print: (s) => { engineOutput.push(String(s)); process.stderr.write(`[mujoco] ${s}\n`); },
  printErr: (s) => { engineOutput.push(String(s)); process.stderr.write(`[mujoco] ${s}\n`); },
});
const MUJOCO_VERSION = mujoco.mj_versionString();
const WARNING_NAMES = Object.keys(mujoco.mjtWarning)
  .filter((k) => k.startsWith('mjWARN_'))
  .sort((a, b) => mujoco.mjtWarning[a].value - mujoco.mjtWarning[b].value);
const NWARNING = mujoco.mjtWarning.mjNWARNING.value;

let jobCounter = 0;

/**
 * Compiled models of recent plays, by the exact bytes they were compiled from: the scene's text, its path relative
 * to its folder and every asset file (path and content). A variant is played three times (doing nothing, the
 * reference, the wrong solution) and the Java client sends a scene's plays to the sidecar that played it last, so
 * most plays skip MuJoCo's parse and compile and the copying of the assets (about a twentieth of a play). Keyed by
 * content, a changed file can never be served from an older compile; an MjModel is only read by a play (each play
 * makes its own MjData), so sharing one is safe. Least recently used models are deleted beyond the cap.
 */
const MODEL_CACHE_SIZE = 12;
const modelCache = new Map(); // key -> MjModel, in use order (oldest first)

function cachedModel(key) {
  const model = modelCache.get(key);
  if (model === undefined) return null;
  modelCache.delete(key);
  modelCache.set(key, model);
  return model;
}

function cacheModel(key, model) {
  modelCache.set(key, model);
  while (modelCache.size > MODEL_CACHE_SIZE) {
    const [oldest, old] = modelCache.entries().next().value;
    modelCache.delete(oldest);
    try { old.delete(); } catch { /* already gone */ }
  }
}

function send(obj) {
  protocolOut.write(JSON.stringify(obj) + '\n');
}

/** Strips the bindings' wrapper text from an error thrown by the WASM layer, leaving MuJoCo's own message. */
function mujocoMessage(e) {
  let s = e && e.message !== undefined ? String(e.message) : String(e);
  for (;;) {
    const before = s;
    s = s.replace(/^MuJoCo Error:\s*/, '')
      .replace(/^Loading error:\s*/, '')
      .replace(/^Could not create Spec from XML string:\s*/, '');
    if (s === before) break;
  }
  return s.trim();
}

function isFatal(e) {
  return e instanceof WebAssembly.RuntimeError || /^Aborted\(/.test(String(e && e.message));
}

// ---- in-memory file system -------------------------------------------------------------------------------------

function collectAssets(dir) {
  const files = [];
  let bytes = 0;
  const walk = (abs, rel) => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const childAbs = path.join(abs, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(childAbs, childRel);
      // a Dirent describes the entry itself, so symlinks are neither files nor folders here and are never copied:
      // MuJoCo (which only reads this in-memory copy) cannot be led outside assets_dir by a planted link
      } else if (entry.isFile() && ASSET_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        const size = fs.statSync(childAbs).size;
        bytes += size;
        files.push({ abs: childAbs, rel: childRel });
        if (files.length > MAX_ASSET_FILES || bytes > MAX_ASSET_BYTES) {
          throw new Error(`assets_dir ${dir} holds more than ${MAX_ASSET_FILES} files or ${MAX_ASSET_BYTES} bytes of assets`);
        }
      }
    }
  };
  walk(dir, '');
  return files;
}

/** The files a request lists ("files"), checked: relative paths that stay inside, regular files, within the limits. */
function listedFiles(req) {
  if (!Array.isArray(req.files) || typeof req.files_root !== 'string' || !path.isAbsolute(req.files_root)) {
    throw new Error('files must be an array of {"rel","abs"} with an absolute files_root');
  }
  if (req.files.length > MAX_ASSET_FILES) throw new Error(`more than ${MAX_ASSET_FILES} files`);
  let bytes = 0;
  return req.files.map((f) => {
    const at = f && f.at !== undefined ? String(f.at) : null;
    if (at !== null && (!path.posix.isAbsolute(at) || at.split('/').some((p) => p === '..') || at.startsWith('/job'))) {
      throw new Error(`file path ${at} must be absolute, without "..", and not under /job`);
    }
    const rel = at !== null ? null : String(f && f.rel).split(path.sep).join('/');
    if (rel !== null && (path.posix.isAbsolute(rel) || rel.split('/').some((p) => p === '..' || p === ''))) {
      throw new Error(`file path ${rel} must stay inside files_root`);
    }
    const abs = String(f.abs);
    const st = fs.lstatSync(abs);
    if (!st.isFile()) throw new Error(`${abs} is not a regular file`);
    bytes += st.size;
    if (bytes > MAX_ASSET_BYTES) throw new Error(`the files hold more than ${MAX_ASSET_BYTES} bytes`);
    return { abs, rel, at };
  });
}

function writeMemFile(memPath, bytes) {
  mujoco.FS.mkdirTree(path.posix.dirname(memPath));
  mujoco.FS.writeFile(memPath, bytes);
}

function removeMemTree(p) {
  let st;
  try { st = mujoco.FS.stat(p); } catch { return; }
  if (mujoco.FS.isDir(st.mode)) {
    for (const name of mujoco.FS.readdir(p)) {
      if (name !== '.' && name !== '..') removeMemTree(`${p}/${name}`);
    }
    mujoco.FS.rmdir(p);
  } else {
    mujoco.FS.unlink(p);
  }
}

// ---- model helpers ---------------------------------------------------------------------------------------------

// Names are read from mjModel.names at name_*adr rather than with mj_id2name: in these bindings mj_id2name turns
// the NULL it returns for an unnamed object into whatever string sits at WASM address 0 (e.g. "emsc").
const utf8 = new TextDecoder();

function names(model, adr, count) {
  const raw = model.names;
  const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.length);
  const out = [];
  for (let i = 0; i < count; i++) {
    const start = adr[i];
    let end = start;
    while (end < bytes.length && bytes[end] !== 0) end++;
    out.push(end > start ? utf8.decode(bytes.subarray(start, end)) : null);
  }
  return out;
}

function readWarnings(data, into) {
  const vec = data.warning; // a reference owned by MjData: must NOT be deleted
  const n = Math.min(vec.size(), NWARNING);
  for (let i = 0; i < n; i++) {
    const stat = vec.get(i); // a copy: delete it
    into[i].number = stat.number;
    into[i].lastinfo = stat.lastinfo;
    stat.delete();
  }
}

function finiteArray(a) {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/**
 * mjData's arrays as cached typed-array views, held as plain fields. Every read of such a field on MjData crosses into
 * the bindings and builds a new view (a tenth of a play's time when read several times a step); a view stays valid
 * until the WASM memory grows, which detaches the one buffer under all of them (byteLength 0). So whoever reads the
 * views after a call into the bindings first calls fresh(): one check, and the views fetched again only after a growth.
 * (Plain fields rather than checking getters: a getter per read cost about 3 % of a play.)
 */
function arrayViews(data, fields) {
  const views = {
    fresh() {
      if (views[fields[0]].buffer.byteLength === 0) fetch();
      return views;
    },
  };
  const fetch = () => { for (const f of fields) views[f] = data[f]; };
  fetch();
  return views;
}

function checkBounds(b) {
  if (b === undefined || b === null) return null;
  const ok = (v) => Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
  if (typeof b !== 'object' || !ok(b.min) || !ok(b.max)) throw new Error('bounds must be {"min":[x,y,z],"max":[x,y,z]}');
  return b;
}

/**
 * What a stability run measures, shared by `simulate` and a no-op play's stability window (evaluate's "stability"), so
 * both report the same numbers for the same steps: the initial contacts at t=0 (after mj_forward), each moving body's
 * speed and bounds exits at every sampled state, NaN in qpos/qvel/act and MuJoCo's warnings counted across resets.
 */
function stabilityMonitor(model, data, own, geomLabel, bodyNames, speedLimit, bounds) {
  const d = arrayViews(data, ['cvel', 'xipos', 'subtree_com', 'qpos', 'qvel', 'act']);
  // copies, not views: a view of the model's arrays would be detached by a growth of the WASM memory like mjData's
  const weld = Int32Array.from(model.body_weldid);
  const root = Int32Array.from(model.body_rootid);
  const moving = [];
  for (let b = 1; b < model.nbody; b++) if (weld[b] !== 0) moving.push(b);
  let minDist = 0, pair = null, ncon0 = 0;
  let maxSpeed = 0, maxBody = null, maxTime = 0, limitExceededAt = null;
  let nan = false, nanTime = null, resets = 0;
  const exits = new Map();
  const seen = Array.from({ length: NWARNING }, () => ({ number: 0, lastinfo: 0 }));
  const base = new Array(NWARNING).fill(0);
  const lastInfo = new Array(NWARNING).fill(0);
  return {
    /** After mj_forward at t=0: the deepest initial contact (excluded pairs aside). */
    initial() {
      ncon0 = data.ncon;
      if (ncon0 > 0) {
        const contacts = own(data.contact); // a copy: deleted with the job
        for (let i = 0; i < ncon0; i++) {
          const c = contacts.get(i);
          if (c.exclude <= 1 && c.dist < minDist) {
            minDist = c.dist;
            pair = [geomLabel(c.geom1), geomLabel(c.geom2)];
          }
          c.delete();
        }
      }
    },
    /** The kinematics of the state at time t (computed by the last mj_forward or mj_step1/mj_step's forward pass). */
    sample(t) {
      d.fresh();
      const cvel = d.cvel, xipos = d.xipos, com = d.subtree_com;
      for (const b of moving) {
        const r = root[b];
        const w0 = cvel[6 * b], w1 = cvel[6 * b + 1], w2 = cvel[6 * b + 2];
        const px = xipos[3 * b], py = xipos[3 * b + 1], pz = xipos[3 * b + 2];
        const dx = px - com[3 * r], dy = py - com[3 * r + 1], dz = pz - com[3 * r + 2];
        const vx = cvel[6 * b + 3] + (w1 * dz - w2 * dy);
        const vy = cvel[6 * b + 4] + (w2 * dx - w0 * dz);
        const vz = cvel[6 * b + 5] + (w0 * dy - w1 * dx);
        const speed = Math.sqrt(vx * vx + vy * vy + vz * vz);
        if (speed > maxSpeed) { maxSpeed = speed; maxBody = bodyNames[b]; maxTime = t; }
        if (speedLimit !== null && limitExceededAt === null && speed > speedLimit) limitExceededAt = t;
        if (bounds && !exits.has(b)) {
          const p = [px, py, pz];
          for (let k = 0; k < 3; k++) {
            if (!(p[k] >= bounds.min[k] && p[k] <= bounds.max[k])) {
              exits.set(b, { body: bodyNames[b], time: t, position: p.map((x) => (Number.isFinite(x) ? x : null)) });
              break;
            }
          }
        }
      }
    },
    /** After step i (whole: mj_step, or mj_step2) that started at time `before`: resets, warnings, NaN. */
    stepped(i, before, dt) {
      if (data.time < before + 0.5 * dt) {
        resets++;
        for (let k = 0; k < NWARNING; k++) base[k] += seen[k].number;
      }
      readWarnings(data, seen);
      for (let k = 0; k < NWARNING; k++) if (seen[k].number > 0) lastInfo[k] = seen[k].lastinfo;
      d.fresh();
      if (!nan && !(finiteArray(d.qpos) && finiteArray(d.qvel) && finiteArray(d.act))) {
        nan = true;
        nanTime = i * dt;
      }
    },
    nan: () => nan,
    /** The fields of simulate's answer this monitor measured. */
    answer() {
      const warnings = [];
      for (let k = 0; k < NWARNING; k++) {
        const count = base[k] + seen[k].number;
        if (count > 0) {
          warnings.push({ code: WARNING_NAMES[k] ?? `warning#${k}`, count, last_info: lastInfo[k],
            text: mujoco.mju_warningText(k, lastInfo[k]) });
        }
      }
      return {
        max_body_speed: maxSpeed,
        max_body_speed_body: maxBody,
        max_body_speed_time: maxTime,
        speed_limit_exceeded_at: limitExceededAt,
        nan,
        nan_first_time: nanTime,
        initial_penetration: -minDist,
        penetrating_pair: pair,
        initial_contacts: ncon0,
        out_of_bounds: [...exits.values()],
        warnings,
        resets,
      };
    },
  };
}

// ---- simulate --------------------------------------------------------------------------------------------------

function simulate(req) {
  const started = performance.now();
  const xmlPath = req.xml_path;
  if (typeof xmlPath !== 'string' || !path.isAbsolute(xmlPath)) throw new Error('xml_path must be an absolute path');
  if (!fs.existsSync(xmlPath) || !fs.statSync(xmlPath).isFile()) throw new Error(`no such file: ${xmlPath}`);
  const assetsDir = path.resolve(req.assets_dir ? String(req.assets_dir) : path.dirname(xmlPath));
  if (!fs.existsSync(assetsDir) || !fs.statSync(assetsDir).isDirectory()) throw new Error(`no such directory: ${assetsDir}`);
  const duration = req.duration === undefined || req.duration === null ? 1.0 : Number(req.duration);
  if (!(duration > 0) || !Number.isFinite(duration)) throw new Error('duration must be a positive number');
  const speedLimit = req.speed_limit === undefined || req.speed_limit === null ? null : Number(req.speed_limit);
  if (speedLimit !== null && !(speedLimit >= 0)) throw new Error('speed_limit must be a non-negative number');
  const bounds = checkBounds(req.bounds);
  const maxSteps = req.max_steps ? Number(req.max_steps) : DEFAULT_MAX_STEPS;

  const listed = req.files !== undefined && req.files !== null ? listedFiles(req) : null;
  const rootDir = listed ? path.resolve(req.files_root) : assetsDir;
  const jobDir = `/job${++jobCounter}`;
  let xmlRel = path.relative(rootDir, xmlPath).split(path.sep).join('/');
  if (listed && (xmlRel.startsWith('..') || path.isAbsolute(xmlRel))) throw new Error(`xml_path ${xmlPath} lies outside files_root`);
  if (xmlRel.startsWith('..') || path.isAbsolute(xmlRel)) xmlRel = path.basename(xmlPath);
  const memXml = `${jobDir}/${xmlRel}`;
  engineOutput.length = 0;

  // messages name files by their in-memory paths: point them back at the caller's folder
  const hostPaths = (msg) => msg.split(`${jobDir}/`).join(`${rootDir}/`);
  const placedAt = []; // files written at the absolute paths a model names: removed with the job
  const owned = []; // wrappers to delete, most recent last
  const own = (o) => { owned.push(o); return o; };
  try {
    for (const f of listed ?? collectAssets(assetsDir)) {
      if (f.at) placedAt.push(f.at);
      writeMemFile(f.at ?? `${jobDir}/${f.rel}`, fs.readFileSync(f.abs));
    }
    if (!listed) writeMemFile(memXml, fs.readFileSync(xmlPath));

    // ---- load: MjModel.from_xml_path = mj_loadXML (parse + compile; meshdir, file= and <include> resolve against
    // the XML's folder in the in-memory file system)
    let model;
    try {
      model = own(mujoco.MjModel.from_xml_path(memXml));
    } catch (e) {
      if (isFatal(e)) throw e;
      return { ok: false, load_error: hostPaths(mujocoMessage(e)) };
    }

    const opt = model.opt;
    const dt = opt.timestep;
    const gravity = Array.from(opt.gravity);
    opt.delete();
    const steps = Math.round(duration / dt);
    if (!(dt > 0) || !Number.isFinite(steps)) return { ok: false, load_error: null, simulation_error: `invalid timestep ${dt}` };
    if (steps > maxSteps) {
      return { ok: false, load_error: null,
        simulation_error: `timestep ${dt} s needs ${steps} steps for ${duration} s, more than the cap of ${maxSteps}` };
    }

    const data = own(new mujoco.MjData(model));
    const nbody = model.nbody;
    const bodyNames = names(model, model.name_bodyadr, nbody).map((n, b) => n ?? `body#${b}`);
    const geomNames = names(model, model.name_geomadr, model.ngeom);
    const geomBody = model.geom_bodyid;
    const geomLabel = (g) => geomNames[g] ?? `${bodyNames[geomBody[g]]}/geom#${g}`;
    const monitor = stabilityMonitor(model, data, own, geomLabel, bodyNames, speedLimit, bounds);

    // ---- t = 0: initial contacts
    let stage = 'mj_forward at t=0';
    try {
      mujoco.mj_forward(model, data);
    } catch (e) {
      if (isFatal(e)) throw e;
      return { ok: false, load_error: null, simulation_error: `${stage}: ${hostPaths(mujocoMessage(e))}` };
    }
    monitor.initial();

    // ---- run
    monitor.sample(0);
    let done = 0, at = 0;
    // the stage a failure names: a step's text is built only if that step fails (a string per step cost ~2 % of a run)
    stage = null;
    try {
      for (let i = 1; i <= steps; i++) {
        at = i;
        const before = data.time;
        mujoco.mj_step(model, data);
        done = i;
        monitor.stepped(i, before, dt);
        if (i > 1) monitor.sample((i - 1) * dt); // kinematics of the state before this step
      }
      stage = 'mj_forward at the end';
      mujoco.mj_forward(model, data);
      monitor.sample(steps * dt);
    } catch (e) {
      if (isFatal(e)) throw e;
      const where = stage ?? `mj_step ${at} (t=${((at - 1) * dt).toPrecision(6)} s)`;
      return { ok: false, load_error: null, simulation_error: `${where}: ${hostPaths(mujocoMessage(e))}`, steps: done };
    }

    return {
      ok: true,
      load_error: null,
      mujoco_version: MUJOCO_VERSION,
      timestep: dt,
      steps: done,
      simulated_seconds: done * dt,
      gravity,
      nbody, nq: model.nq, nv: model.nv,
      ...monitor.answer(),
      engine_output: engineOutput.slice(0, 50),
      wall_ms: Math.round((performance.now() - started) * 10) / 10,
    };
  } finally {
    for (let i = owned.length - 1; i >= 0; i--) {
      try { owned[i].delete(); } catch { /* already gone */ }
    }
    removeMemTree(jobDir);
    for (const p of placedAt) removeMemTree(p);
  }
}

// ---- evaluate: play a solution, measure the task's predicates ----------------------------------------------------
//
// Request (xml_path and assets_dir as for simulate):
//   {"op":"evaluate","xml_path":"/abs/scene.xml","duration":5.0,
//    "subject":{"kind":"body"|"geom"|"site","name":"agent_puck"},   the point the objective follows (body: its COM)
//    "goal":"zone_goal","forbid":["zone_forbid"],                    zone marker geoms (boxes), by name
//    "hold":0.5,                                                     seconds the subject must stay in the goal
//    "planar":false,                                                 true: zones are floor markers, depth over the
//                                                                    box's own x and y axes only (height ignored)
//    "controls":[{"name":"lift","kind":"actuator","min":0,"max":0.2},             an actuator of the model, by name
//                {"name":"push_x","kind":"push","body":"b","site":"","direction":[1,0,0],"min":-5,"max":5}],
//    "schedule":[{"t":0,"control":"lift","mode":"set","value":0.1},
//                {"t":0.5,"control":"push_x","mode":"hold","value":0.3,"kp":50,"kd":5}]}
// Each command holds until the next one for its control; before its first command a control is 0. "set" is open
// loop; "hold" is feedback on a push: kp*(value - p) - kd*v along the push direction, p and v of the pushed point
// (the site, or the body's COM). Every value is clamped to [min, max]. A push is MuJoCo's xfrc_applied on the body:
// the force, plus the torque of applying it at the site rather than at the COM.
// Controls are computed between mj_step1 and mj_step2, so they read the current state (no one-step lag).
//
// Answer: {"id":4,"ok":true,"timestep":0.002,"steps":2500,"simulated_seconds":5,
//   "initial_depth":-0.31,          signed depth of the subject in the goal at t=0: min over the box's axes of
//                                   (half-size - |offset|), metres; > 0 inside
//   "best_depth":0.012,"best_depth_time":3.1,  the deepest the subject got, and when
//   "hold_achieved_at":2.4,         when the subject had first been inside for "hold" seconds without a break (null: never)
//   "held_depth":0.01,              the margin: the largest depth the subject kept for "hold" seconds without a break,
//                                   i.e. the best over time of the least depth in the last "hold" seconds (null: never)
//   "longest_hold":1.7,             the longest unbroken stay inside, seconds
//   "forbid_entered":{"zone":"zone_forbid","time":1.2},   first entry into a forbidden zone (null: never)
//   "effort":{"push_x":3.2},        time integral of |value| per control
//   "final_position":[x,y,z],"nan":false,"nan_first_time":null,"warnings":[...], "wall_ms":40,
//   "model_cached":true,"pid":123}  whether the compiled model came from this process's cache (see modelCache)
// or, as for simulate, load_error / simulation_error, or error for a bad request (unknown name, bad schedule).
//
// Design (optional request fields, for a solution that adds parts to the scene):
//   "xml_text":"<mujoco>...",       the scene to load instead of xml_path's content (the Java client writes the scene
//                                   with the parts added), placed at xml_path's place so its assets resolve as on disk
//   "design":{"parts":["cw"],"build_zones":["zone_build"]}   part geoms, and the zone boxes that may hold them
// adds to the answer, measured after mj_forward at t=0:
//   "design":[{"part":"cw","zone":"zone_build","outside_by":0,  the zone holding the part's bounding box, or the nearest
//              "overlap_with":"lever_beam","overlap":0.0004}]  one and by how far the box sticks out (metres); the geom
//                                   it penetrates most deeply and how deep (mj_geomDistance, which ignores contact
//                                   filters, so a part welded onto a body is checked against that body too)

/** Where each designed part lies at t=0: inside which build zone, and how deeply it overlaps other geometry. */
function checkDesign(model, data, design, geomNames) {
  const parts = (Array.isArray(design.parts) ? design.parts : []).map((n) => indexOf(geomNames, String(n), 'part geom'));
  const zones = (Array.isArray(design.build_zones) ? design.build_zones : []).map((n) => indexOf(geomNames, String(n), 'build zone geom'));
  const type = model.geom_type, size = model.geom_size, pos = data.geom_xpos, mat = data.geom_xmat;
  const T = mujoco.mjtGeom;
  const corners = (g) => {  // the geom's bounding box corners, world frame
    const s = [size[3 * g], size[3 * g + 1], size[3 * g + 2]];
    const t = type[g];
    const h = t === T.mjGEOM_BOX.value ? s : t === T.mjGEOM_SPHERE.value ? [s[0], s[0], s[0]]
      : t === T.mjGEOM_CAPSULE.value ? [s[0], s[0], s[1] + s[0]] : [s[0], s[0], s[1]];
    const out = [];
    for (const i of [-1, 1]) for (const j of [-1, 1]) for (const k of [-1, 1]) {
      const l = [i * h[0], j * h[1], k * h[2]];
      out.push([0, 1, 2].map((r) => pos[3 * g + r] + mat[9 * g + 3 * r] * l[0] + mat[9 * g + 3 * r + 1] * l[1] + mat[9 * g + 3 * r + 2] * l[2]));
    }
    return out;
  };
  const outside = (z, pts) => {  // how far the points reach out of zone box z (<= 0: all inside)
    let worst = -Infinity;
    for (const p of pts) {
      for (let a = 0; a < 3; a++) {
        const local = (p[0] - pos[3 * z]) * mat[9 * z + a] + (p[1] - pos[3 * z + 1]) * mat[9 * z + 3 + a] + (p[2] - pos[3 * z + 2]) * mat[9 * z + 6 + a];
        worst = Math.max(worst, Math.abs(local) - size[3 * z + a]);
      }
    }
    return worst;
  };
  return parts.map((g) => {
    const pts = corners(g);
    let zone = null, by = Infinity;
    for (const z of zones) { const o = outside(z, pts); if (o < by) { by = o; zone = z; } }
    let withGeom = null, depth = 0;
    for (let o = 0; o < model.ngeom; o++) {
      if (o === g || (model.geom_contype[o] === 0 && model.geom_conaffinity[o] === 0)) continue;
      const d = mujoco.mj_geomDistance(model, data, g, o, 0.01, null);
      if (-d > depth) { depth = -d; withGeom = o; }
    }
    return { part: geomNames[g], zone: zone === null ? null : geomNames[zone], outside_by: Math.max(0, by),
      overlap_with: withGeom === null ? null : geomNames[withGeom], overlap: depth };
  });
}

function requireArray3(v, what) {
  if (!Array.isArray(v) || v.length !== 3 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new Error(`${what} must be [x,y,z]`);
  }
  return v;
}

function indexOf(list, name, what) {
  const i = list.indexOf(name);
  if (i < 0) throw new Error(`no ${what} named '${name}' in the model`);
  return i;
}

function evaluate(req) {
  const started = performance.now();
  const xmlPath = req.xml_path;
  if (typeof xmlPath !== 'string' || !path.isAbsolute(xmlPath)) throw new Error('xml_path must be an absolute path');
  if (!fs.existsSync(xmlPath) || !fs.statSync(xmlPath).isFile()) throw new Error(`no such file: ${xmlPath}`);
  const assetsDir = path.resolve(req.assets_dir ? String(req.assets_dir) : path.dirname(xmlPath));
  const duration = Number(req.duration);
  if (!(duration > 0) || !Number.isFinite(duration)) throw new Error('duration must be a positive number');
  const hold = Number(req.hold);
  if (!(hold >= 0)) throw new Error('hold must be a non-negative number');
  const subject = req.subject || {};
  if (!['body', 'geom', 'site'].includes(subject.kind)) throw new Error('subject.kind must be body, geom or site');
  const controls = Array.isArray(req.controls) ? req.controls : [];
  const schedule = Array.isArray(req.schedule) ? req.schedule : [];
  const forbid = Array.isArray(req.forbid) ? req.forbid : [];
  const axes = req.planar === true ? 2 : 3;

  const jobDir = `/job${++jobCounter}`;
  let xmlRel = path.relative(assetsDir, xmlPath).split(path.sep).join('/');
  if (xmlRel.startsWith('..') || path.isAbsolute(xmlRel)) xmlRel = path.basename(xmlPath);
  const memXml = `${jobDir}/${xmlRel}`;
  engineOutput.length = 0;
  const hostPaths = (msg) => msg.split(`${jobDir}/`).join(`${assetsDir}/`);
  const owned = [];
  const own = (o) => { owned.push(o); return o; };
  try {
    const assets = collectAssets(assetsDir).map((f) => ({ rel: f.rel, bytes: fs.readFileSync(f.abs) }));
    const xmlBytes = typeof req.xml_text === 'string' ? Buffer.from(req.xml_text, 'utf8') : fs.readFileSync(xmlPath);
    const hash = crypto.createHash('sha256').update(xmlRel).update('\0').update(xmlBytes);
    for (const a of assets) hash.update('\0').update(a.rel).update('\0').update(String(a.bytes.length)).update('\0').update(a.bytes);
    const key = hash.digest('hex');
    let model = cachedModel(key);
    const modelCached = model !== null;
    if (model === null) {
      for (const a of assets) writeMemFile(`${jobDir}/${a.rel}`, a.bytes);
      writeMemFile(memXml, xmlBytes);
      try {
        model = mujoco.MjModel.from_xml_path(memXml);
      } catch (e) {
        if (isFatal(e)) throw e;
        return { ok: false, load_error: hostPaths(mujocoMessage(e)) };
      }
      cacheModel(key, model); // deleted when it falls out of the cache, not with the job
    }
    const opt = model.opt;
    const dt = opt.timestep;
    const integrator = Number(opt.integrator);
    const gravity = Array.from(opt.gravity);
    opt.delete();
    const steps = Math.round(duration / dt);
    if (steps > DEFAULT_MAX_STEPS) throw new Error(`duration ${duration} s needs more than ${DEFAULT_MAX_STEPS} steps`);
    const data = own(new mujoco.MjData(model));
    const d = arrayViews(data, ['xipos', 'geom_xpos', 'geom_xmat', 'site_xpos', 'cvel', 'subtree_com', 'xfrc_applied', 'ctrl', 'qpos', 'qvel']);

    const bodyNames = names(model, model.name_bodyadr, model.nbody);
    const geomNames = names(model, model.name_geomadr, model.ngeom);
    const siteNames = names(model, model.name_siteadr, model.nsite);
    const actNames = names(model, model.name_actuatoradr, model.nu);
    // copies, not views (see stabilityMonitor)
    const siteBody = Int32Array.from(model.site_bodyid);
    const root = Int32Array.from(model.body_rootid);

    const subjectId = indexOf(subject.kind === 'body' ? bodyNames : subject.kind === 'geom' ? geomNames : siteNames,
      subject.name, subject.kind);
    const zone = (name) => {
      const g = indexOf(geomNames, name, 'zone geom');
      if (model.geom_type[g] !== mujoco.mjtGeom.mjGEOM_BOX.value) throw new Error(`zone '${name}' is not a box geom`);
      return { name, g, half: Array.from(model.geom_size.subarray(3 * g, 3 * g + 3)) };
    };
    const goal = zone(String(req.goal));
    const forbidden = forbid.map((z) => zone(String(z)));

    const byName = new Map();
    const ctl = controls.map((c) => {
      if (typeof c.name !== 'string' || byName.has(c.name)) throw new Error(`control names must be unique strings: ${JSON.stringify(c.name)}`);
      const min = Number(c.min), max = Number(c.max);
      if (!(min <= max)) throw new Error(`control '${c.name}': min must not exceed max`);
      let out;
      if (c.kind === 'actuator') {
        out = { name: c.name, kind: 'actuator', id: indexOf(actNames, c.name, 'actuator'), min, max };
      } else if (c.kind === 'push') {
        const b = indexOf(bodyNames, c.body, 'body');
        let site = -1;
        if (c.site) {
          site = indexOf(siteNames, c.site, 'site');
          if (siteBody[site] !== b) throw new Error(`push '${c.name}': site '${c.site}' is not on body '${c.body}'`);
        }
        const d = requireArray3(c.direction, `push '${c.name}' direction`);
        const n = Math.hypot(d[0], d[1], d[2]);
        if (!(n > 0)) throw new Error(`push '${c.name}' direction must not be zero`);
        out = { name: c.name, kind: 'push', body: b, site, dir: d.map((x) => x / n), min, max };
      } else {
        throw new Error(`control '${c.name}': kind must be actuator or push`);
      }
      out.command = null;
      out.effort = 0;
      byName.set(c.name, out);
      return out;
    });
    const commands = schedule.map((c, i) => {
      const target = byName.get(c.control);
      if (!target) throw new Error(`schedule[${i}]: no control named '${c.control}'`);
      const t = Number(c.t), value = Number(c.value);
      if (!(t >= 0) || !Number.isFinite(value)) throw new Error(`schedule[${i}]: t must be >= 0 and value a number`);
      if (c.mode !== 'set' && c.mode !== 'hold') throw new Error(`schedule[${i}]: mode must be set or hold`);
      if (c.mode === 'hold' && target.kind !== 'push') throw new Error(`schedule[${i}]: hold is for pushes; set the actuator '${c.control}' instead`);
      return { t, target, mode: c.mode, value, kp: Number(c.kp) || 0, kd: Number(c.kd) || 0 };
    }).sort((a, b) => a.t - b.t);

    // "stability" asks the play to measure its first seconds as `simulate` would (see stabilityMonitor). Only a play
    // that applies nothing can answer for the stability run of its start state: no command, and every control's range
    // holding 0 (a clamp to a range above 0 would apply its minimum). mj_step1 + mj_step2 with zero inputs are then
    // mj_step's passes, except with RK4, which mj_step2 replaces by Euler. Otherwise, or when NaN appears within the
    // window (the play stops there, simulate goes on), "stability" is null and "stability_unmeasured" says why: the
    // caller then runs `simulate`.
    let monitor = null, stabSteps = 0, stabilityUnmeasured = null;
    if (req.stability !== undefined && req.stability !== null) {
      const sd = Number(req.stability.duration);
      if (!(sd > 0) || !Number.isFinite(sd)) throw new Error('stability.duration must be a positive number');
      const sl = req.stability.speed_limit === undefined || req.stability.speed_limit === null ? null : Number(req.stability.speed_limit);
      if (sl !== null && !(sl >= 0)) throw new Error('stability.speed_limit must be a non-negative number');
      const sb = checkBounds(req.stability.bounds);
      stabSteps = Math.round(sd / dt);
      if (commands.length > 0) stabilityUnmeasured = 'the play has commands';
      else if (ctl.some((c) => !(c.min <= 0 && c.max >= 0))) stabilityUnmeasured = 'a control\'s range excludes 0, so doing nothing still applies it';
      else if (integrator === mujoco.mjtIntegrator.mjINT_RK4.value) stabilityUnmeasured = 'the RK4 integrator: a play steps with Euler';
      else if (!(stabSteps >= 1) || stabSteps > steps) stabilityUnmeasured = `the play (${steps} steps) is shorter than the stability run (${stabSteps})`;
      else {
        const labels = bodyNames.map((n, b) => n ?? `body#${b}`);
        const geomBody = model.geom_bodyid;
        monitor = stabilityMonitor(model, data, own, (g) => geomNames[g] ?? `${labels[geomBody[g]]}/geom#${g}`, labels, sl, sb);
      }
    }

    // The subject's point and the signed depth of a point in a zone box (in the box's own frame). These run every step:
    // scalars instead of small arrays (the allocations cost more than the arithmetic); d.fresh() is called once per
    // step by the loop before any of them.
    const subjectField = subject.kind === 'body' ? 'xipos' : subject.kind === 'geom' ? 'geom_xpos' : 'site_xpos';
    const subjectPoint = () => {
      const a = d.fresh()[subjectField], k = subjectId;
      return [a[3 * k], a[3 * k + 1], a[3 * k + 2]];
    };
    const depth = (z, px, py, pz) => {
      const c = d.geom_xpos, m = d.geom_xmat, g = z.g;
      const ox = px - c[3 * g], oy = py - c[3 * g + 1], oz = pz - c[3 * g + 2];
      let least = Infinity;
      for (let axis = 0; axis < axes; axis++) {
        const local = ox * m[9 * g + axis] + oy * m[9 * g + 3 + axis] + oz * m[9 * g + 6 + axis];
        least = Math.min(least, z.half[axis] - Math.abs(local));
      }
      return least;
    };
    // the pushed point (site, or the body's COM) into `at`: its position, and its position and velocity along the push
    const at = { x: 0, y: 0, z: 0, pos: 0, vel: 0 };
    const along = (c) => {
      const b = c.body, r = root[b], cv = d.cvel, com = d.subtree_com;
      const src = c.site >= 0 ? d.site_xpos : d.xipos, k = c.site >= 0 ? 3 * c.site : 3 * b;
      const px = src[k], py = src[k + 1], pz = src[k + 2];
      const w0 = cv[6 * b], w1 = cv[6 * b + 1], w2 = cv[6 * b + 2];
      const dx = px - com[3 * r], dy = py - com[3 * r + 1], dz = pz - com[3 * r + 2];
      const vx = cv[6 * b + 3] + (w1 * dz - w2 * dy), vy = cv[6 * b + 4] + (w2 * dx - w0 * dz), vz = cv[6 * b + 5] + (w0 * dy - w1 * dx);
      const dir = c.dir;
      at.x = px; at.y = py; at.z = pz;
      at.pos = px * dir[0] + py * dir[1] + pz * dir[2];
      at.vel = vx * dir[0] + vy * dir[1] + vz * dir[2];
    };
    const pushes = ctl.some((c) => c.kind === 'push');
    const apply = () => {
      d.fresh();
      const xfrc = d.xfrc_applied;
      if (pushes) xfrc.fill(0); // only pushes write xfrc_applied: without one it stays as MjData made it, zero
      for (const c of ctl) {
        const cmd = c.command;
        let u = 0;
        if (cmd && cmd.mode === 'set') u = cmd.value;
        if (c.kind === 'push') {
          along(c);
          if (cmd && cmd.mode === 'hold') u = cmd.kp * (cmd.value - at.pos) - cmd.kd * at.vel;
        }
        u = Math.min(c.max, Math.max(c.min, u));
        c.effort += Math.abs(u) * dt;
        if (c.kind === 'actuator') {
          d.ctrl[c.id] = u;
        } else {
          const b = c.body, xi = d.xipos, dir = c.dir;
          const f0 = dir[0] * u, f1 = dir[1] * u, f2 = dir[2] * u;
          const rx = at.x - xi[3 * b], ry = at.y - xi[3 * b + 1], rz = at.z - xi[3 * b + 2];
          xfrc[6 * b] += f0; xfrc[6 * b + 1] += f1; xfrc[6 * b + 2] += f2;
          xfrc[6 * b + 3] += ry * f2 - rz * f1; xfrc[6 * b + 4] += rz * f0 - rx * f2; xfrc[6 * b + 5] += rx * f1 - ry * f0;
        }
      }
    };

    let initialDepth = null, best = -Infinity, bestTime = 0, inside = null, longest = 0;
    let achievedAt = null, heldDepth = null, forbidEntered = null;
    let nan = false, nanTime = null, next = 0;
    // the current stay's samples, as a monotonic queue (depths increasing from the front): the front is the least
    // depth of the last `hold` seconds
    let window = [];
    const seen = Array.from({ length: NWARNING }, () => ({ number: 0, lastinfo: 0 }));
    const observe = (t) => {
      const a = d.fresh()[subjectField], k = 3 * subjectId;
      const px = a[k], py = a[k + 1], pz = a[k + 2];
      const dg = depth(goal, px, py, pz);
      if (initialDepth === null) initialDepth = dg;
      if (dg > best) { best = dg; bestTime = t; }
      if (dg > 0) {
        if (inside === null) { inside = t; window = []; }
        while (window.length && window[window.length - 1].d >= dg) window.pop();
        window.push({ t, d: dg });
        while (window[0].t < t - hold - 1e-9) window.shift();
        longest = Math.max(longest, t - inside);
        if (t - inside >= hold - 1e-9) {
          if (achievedAt === null) achievedAt = t;
          heldDepth = heldDepth === null ? window[0].d : Math.max(heldDepth, window[0].d);
        }
      } else {
        inside = null;
      }
      if (forbidEntered === null) {
        for (const z of forbidden) if (depth(z, px, py, pz) > 0) { forbidEntered = { zone: z.name, time: t }; break; }
      }
    };
    const stabilityAnswer = () => {
      if (req.stability === undefined || req.stability === null) return {};
      if (monitor && monitor.nan()) stabilityUnmeasured = 'NaN within the stability run';
      if (stabilityUnmeasured !== null) return { stability: null, stability_unmeasured: stabilityUnmeasured };
      return { stability: { ok: true, load_error: null, mujoco_version: MUJOCO_VERSION, timestep: dt, steps: stabSteps,
        simulated_seconds: stabSteps * dt, gravity, nbody: model.nbody, nq: model.nq, nv: model.nv, ...monitor.answer(),
        wall_ms: Math.round((performance.now() - started) * 10) / 10 } };
    };
    let designChecks = null;
    let stage = 'mj_forward at t=0', stepNo = 0;
    try {
      mujoco.mj_forward(model, data);
      if (req.design) designChecks = checkDesign(model, data, req.design, geomNames);
      if (monitor) { monitor.initial(); monitor.sample(0); }
      observe(0);
      // the stage a failure names: a step's text is built only if that step fails (a string per step cost ~2 % of a play)
      stage = null;
      for (let i = 1; i <= steps; i++) {
        const t = (i - 1) * dt;
        stepNo = i;
        while (next < commands.length && commands[next].t <= t + 1e-9) { commands[next].target.command = commands[next]; next++; }
        const before = monitor && i <= stabSteps ? data.time : 0; // read only where stepped() needs it
        if (monitor && i === stabSteps + 1) {
          // simulate's last sample follows a plain mj_forward, which checks nothing: take the window's last state as
          // it is, before mj_step1's checks can reset it. Kinematics and COM velocities only (pure functions of qpos
          // and qvel that mj_step1 recomputes, warning nothing), so the play itself is unchanged.
          mujoco.mj_kinematics(model, data);
          mujoco.mj_comPos(model, data);
          mujoco.mj_comVel(model, data);
          monitor.sample(t);
        }
        mujoco.mj_step1(model, data);
        if (monitor && i > 1 && i <= stabSteps) monitor.sample(t); // as simulate: the state before this step
        apply();
        mujoco.mj_step2(model, data);
        if (monitor && i <= stabSteps) monitor.stepped(i, before, dt);
        d.fresh();
        if (!nan && !(finiteArray(d.qpos) && finiteArray(d.qvel))) { nan = true; nanTime = i * dt; break; }
        if (i > 1) observe(t); // mj_step1 computed this state's kinematics: it is the state at time t
      }
      // a play reports the counters as its last step left them (after any reset): read once here, not after every
      // step as before, which gave the same answer and cost a third of a play's time in crossings into the bindings
      readWarnings(data, seen);
      stage = 'mj_forward at the end';
      if (!nan) {
        mujoco.mj_forward(model, data);
        if (monitor && stabSteps === steps) monitor.sample(steps * dt);
        observe(steps * dt);
      }
    } catch (e) {
      if (isFatal(e)) throw e;
      return { ok: false, load_error: null, simulation_error: `${stage ?? `step ${stepNo} (t=${((stepNo - 1) * dt).toPrecision(6)} s)`}: ${hostPaths(mujocoMessage(e))}` };
    }
    const warnings = [];
    for (let k = 0; k < NWARNING; k++) {
      if (seen[k].number > 0) warnings.push({ code: WARNING_NAMES[k] ?? `warning#${k}`, count: seen[k].number,
        text: mujoco.mju_warningText(k, seen[k].lastinfo) });
    }
    const effort = {};
    for (const c of ctl) effort[c.name] = c.effort;
    return {
      ok: true, load_error: null, mujoco_version: MUJOCO_VERSION, timestep: dt, steps, simulated_seconds: steps * dt,
      initial_depth: initialDepth, best_depth: best, best_depth_time: bestTime,
      hold_achieved_at: achievedAt, held_depth: heldDepth, longest_hold: longest,
      forbid_entered: forbidEntered, effort, final_position: subjectPoint(), design: designChecks,
      nan, nan_first_time: nanTime, warnings,
      ...stabilityAnswer(),
      model_cached: modelCached, pid: process.pid,
      wall_ms: Math.round((performance.now() - started) * 10) / 10,
    };
  } finally {
    for (let i = owned.length - 1; i >= 0; i--) {
      try { owned[i].delete(); } catch { /* already gone */ }
    }
    removeMemTree(jobDir);
  }
}

// ---- main loop -------------------------------------------------------------------------------------------------

function handle(line) {
  let req;
  try {
    req = JSON.parse(line);
  } catch (e) {
    send({ id: null, ok: false, error: `malformed JSON request: ${e.message}` });
    return;
  }
  const id = req && req.id !== undefined ? req.id : null;
  try {
    switch (req.op) {
      case 'ping':
        send({ id, ok: true, pong: true, mujoco_version: MUJOCO_VERSION });
        return;
      case 'shutdown':
        send({ id, ok: true });
        process.exit(0);
        return;
      case 'simulate': {
        // which process served the request, and when (epoch ms): a pool of sidecars is seen to run in parallel
        const servedFrom = Date.now();
        const answer = simulate(req);
        send({ id, ...answer, pid: process.pid, served_from_ms: servedFrom, served_until_ms: Date.now() });
        return;
      }
      case 'evaluate':
        send({ id, ...evaluate(req) });
        return;
      default:
        send({ id, ok: false, error: `unknown op: ${JSON.stringify(req.op)}` });
    }
  } catch (e) {
    if (isFatal(e)) {
      send({ id, ok: false, fatal: true, error: `MuJoCo WebAssembly runtime aborted: ${e.message}` });
      process.exit(70);
    }
    send({ id, ok: false, error: e && e.message ? e.message : String(e) });
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (line.trim() !== '') handle(line);
});
rl.on('close', () => process.exit(0));
send({ ready: true, mujoco_version: MUJOCO_VERSION, node_version: process.version, pid: process.pid });

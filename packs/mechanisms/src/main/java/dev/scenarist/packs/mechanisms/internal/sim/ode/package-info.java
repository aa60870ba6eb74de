/**
 * A pure-Java {@link dev.scenarist.packs.mechanisms.internal.sim.Simulator}: MJCF scenes simulated in ode4j 0.5.3 (ODE for
 * Java), for machines without Node.js. {@link dev.scenarist.packs.mechanisms.internal.sim.ode.OdeSimulator} is the entry point;
 * {@link dev.scenarist.packs.mechanisms.internal.sim.Simulators} chooses between it and the MuJoCo sidecar.
 *
 * <p>It measures what the sidecar measures (max centre-of-mass speed of every moving body over states 0…N, NaN,
 * initial interpenetration with the geom pair, bounds exits, the speed-limit crossing) and fills the same
 * {@link dev.scenarist.packs.mechanisms.internal.sim.SimulationReport}. It is not MuJoCo: every report lists in
 * {@code approximations()} where the scene's model departs from MuJoCo's, and a report with none is exact only in the
 * sense below. The agreement on real models is measured by {@code OdeMujocoAgreementTest}.
 *
 * <h2>Mapped as MuJoCo compiles it</h2>
 * <ul>
 *   <li><b>Parsing</b>: the validator's own tree ({@link dev.scenarist.packs.mechanisms.internal.mjcf.MjcfModel}): includes,
 *       default classes and childclass, frames. A model the validator rejects is {@code LoadFailed}.</li>
 *   <li><b>Compiler</b>: angle (degree/radian), eulerseq, autolimits, inertiafromgeom, inertiagrouprange, boundmass,
 *       boundinertia, settotalmass; orientations pos/quat/euler/axisangle/xyaxes/zaxis and fromto.</li>
 *   <li><b>Mass</b>: {@code <inertial>} (diaginertia or fullinertia) or geoms at MuJoCo's default density 1000 (or
 *       their mass), with MuJoCo's primitive formulas (its capsule split), meshes by exact polyhedral integration.</li>
 *   <li><b>Option</b>: timestep, gravity, the flags contact, gravity, limit, equality, frictionloss, spring, damper,
 *       actuation, filterparent, constraint; fluid density, viscosity and wind with MuJoCo's inertia-box model.</li>
 *   <li><b>Joints</b>: hinge, slide, ball, free; bodies without joints welded to their parent (one ODE body per
 *       rigid group, placed at its centre of mass); several joints per body as a chain of light helper bodies (mass
 *       and inertia 1e-4 of the body's). Limits as ODE stops, re-tuned every step to MuJoCo's impedance at the current
 *       violation; stiffness (hinge, slide, ball) and gravcomp as forces; damping as an implicit damper (an ODE motor
 *       with CFM = 1/damping, as MuJoCo's Euler integrator treats damping); friction loss as a capped motor with
 *       MuJoCo's reference velocity.</li>
 *   <li><b>Contacts</b>: MuJoCo's filters (weld groups, parent-child unless the parent is the world, exclude,
 *       contype/conaffinity), explicit pairs, parameter mixing (priority, max condim and friction, solmix). Each
 *       contact reproduces MuJoCo's soft-constraint equation: ERP = h²k, CFM = h(1−d)/d·A with MuJoCo's
 *       {@code invweight0} A (measured through the joints at qpos0) and the impedance d at the current depth, and a
 *       target velocity (1−hb)·v; see {@code Soft}. Contacts that no joint lets act are left out, as their MuJoCo
 *       Jacobian is zero. Planes are infinite, touching is not a contact (MuJoCo's margin 0).</li>
 *   <li><b>Actuators</b> at the run's constant control (0, clamped into ctrlrange — as the sidecar runs them): the
 *       resulting force law {@code gain·u + bias(length, velocity)} on hinge and slide joints (position, velocity,
 *       intvelocity, cylinder, general affine; dampratio from the joint's reflected inertia); actuators whose force is
 *       then zero (motors, dampers, adhesion) are exact by omission.</li>
 *   <li><b>Shapes</b>: plane, sphere, capsule, cylinder, box natively; meshes (binary STL, inline vertices) as their
 *       convex hull — what MuJoCo collides too.</li>
 * </ul>
 *
 * <h2>Approximated — listed in the report when used</h2>
 * ellipsoids (a 114-vertex polytope of equal volume); integrators other than Euler; ball-joint limits and friction
 * loss, free-joint stiffness and friction loss, slide armature; armature beyond a hinge on a fixed base (added to the
 * child's inertia); joint limits that are hit (ODE stops them within a step, MuJoCo over its time constant); connect
 * and weld (ODE joints: no gradual start; torquescale ignored); tendons with stiffness, damping, friction loss or
 * limits, joint/tendon equality constraints, muscles, non-joint transmissions with a force at zero control, actuators
 * with activation dynamics and a non-zero clamped control: left out; contact margin/gap, torsional and rolling
 * friction (condim 4, 6), the ellipsoid fluid model; non-convex mesh mass (exact, where MuJoCo's legacy default
 * overestimates).
 *
 * <h2>Not simulated — {@code Unavailable}, no verdict</h2>
 * height fields, flex, skins, composite/replicate/attach, OBJ and MSH meshes, primitives fitted to meshes; and any run
 * in which ODE's solution pulls a joint apart with the direct solver and again with the iterative one (seen on the
 * humanoids and on models starting deeply interpenetrated against joints). That is a solver failure, not a finding
 * about the scene.
 *
 * <h2>ode4j pitfalls worked around (0.5.3)</h2>
 * a slider attached to the static world spins a body that starts rotated (sliders attach to a kinematic anchor
 * instead); a hinge whose stops leave ±π keeps its last limit state and writes a row it did not count (stops are
 * switched off within ±π); a motor row on the axis of an engaged stop, and contact rows stiffer than joints, break
 * the direct solver (the motor is switched off at a limit; contact CFM is floored at 1000× the joints').
 */
package dev.scenarist.packs.mechanisms.internal.sim.ode;

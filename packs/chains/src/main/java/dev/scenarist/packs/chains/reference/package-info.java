/** The reference assistant (public API): start it, and switch its planted defect in its product folder. */
package dev.scenarist.packs.chains.reference;

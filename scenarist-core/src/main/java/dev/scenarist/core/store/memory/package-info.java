/** A store that keeps everything in memory, for tests and benchmarks. <b>API</b> (an implementation of the store SPI). */
package dev.scenarist.core.store.memory;

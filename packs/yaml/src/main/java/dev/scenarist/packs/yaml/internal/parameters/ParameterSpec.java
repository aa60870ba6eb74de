package dev.scenarist.packs.yaml.internal.parameters;

import java.util.List;
import java.util.Objects;

/** How one run parameter is chosen: from a list, from a range of whole numbers, or always the same value. */
public sealed interface ParameterSpec {
    String name();

    /** How many values it can take. */
    long size();

    /** The value at {@code index}, {@code 0 <= index < size()}. */
    Object valueAt(long index);

    /** {@code topic: {pick: [library loans, flight bookings]}} */
    record Pick(String name, List<Object> values) implements ParameterSpec {
        public Pick {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("parameter '" + name + "': pick needs at least one value");
        }

        @Override
        public long size() {
            return values.size();
        }

        @Override
        public Object valueAt(long index) {
            return values.get((int) index);
        }
    }

    /** {@code rows: {range: [5, 20]}}, both ends included. */
    record IntRange(String name, int min, int max) implements ParameterSpec {
        public IntRange {
            Objects.requireNonNull(name, "name");
            if (min > max) throw new IllegalArgumentException("parameter '" + name + "': range [" + min + ", " + max + "] is empty");
        }

        @Override
        public long size() {
            return (long) max - min + 1;
        }

        @Override
        public Object valueAt(long index) {
            return (int) (min + index);
        }
    }

    /** {@code language: SQLite}: the same for every run. */
    record Fixed(String name, Object value) implements ParameterSpec {
        public Fixed {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public long size() {
            return 1;
        }

        @Override
        public Object valueAt(long index) {
            return value;
        }
    }
}

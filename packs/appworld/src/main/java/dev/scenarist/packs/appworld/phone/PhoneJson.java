package dev.scenarist.packs.appworld.phone;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.time.Instant;

/**
 * The phone's JSON dialect, in one place: snake_case names (ARE's argument and field names), keys sorted so a
 * snapshot or log line is byte-identical between runs, and instants written as ARE's "YYYY-MM-DD HH:MM:SS".
 */
public final class PhoneJson {
    private PhoneJson() {}

    /** A new mapper; each phone owns one (no shared static mapper). */
    public static ObjectMapper newMapper() {
        SimpleModule time = new SimpleModule("sim-time");
        time.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(SimClock.format(value));
            }
        });
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .addModule(new Jdk8Module())
                .addModule(time)
                .build();
    }
}

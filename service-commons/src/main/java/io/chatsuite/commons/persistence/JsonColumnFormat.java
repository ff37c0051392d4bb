package io.chatsuite.commons.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatsuite.events.EventCodec;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * JSON columns are written with the event contract's mapper, not the REST one, so a REST customization can
 * never change what is stored, and stored snapshots read back exactly as events carry them.
 */
@JsonFormat
@PersistenceUnitExtension
@ApplicationScoped
public class JsonColumnFormat implements FormatMapper {

    private final ObjectMapper mapper = EventCodec.mapper();

    @Override
    public <T> T fromString(CharSequence json, JavaType<T> type, WrapperOptions options) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json.toString(), mapper.constructType(type.getJavaType()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable JSON column of type " + type.getJavaType(), e);
        }
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writerFor(mapper.constructType(type.getJavaType())).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write JSON column of type " + type.getJavaType(), e);
        }
    }
}

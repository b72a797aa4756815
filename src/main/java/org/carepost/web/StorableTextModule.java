package org.carepost.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.carepost.content.StorableText;
import org.springframework.stereotype.Component;

/**
 * Every JSON string our API reads must be a JSON string (not a number or boolean coerced to text) and storable as sent ({@link StorableText}): a NUL made PostgreSQL fail the
 * insert (a 500), an unpaired surrogate came back as '?'. Refused while reading, the problem names the field.
 * Spring Boot adds Module beans to its ObjectMapper.
 */
@Component
public class StorableTextModule extends SimpleModule {

    public StorableTextModule() {
        super("carepost-storable-text");
        addDeserializer(String.class, new StorableStringDeserializer());
    }

    /** Thrown with the field's path; carries no value. */
    public static final class UnstorableTextException extends JsonMappingException {
        UnstorableTextException(JsonParser parser) {
            super(parser, "text " + StorableText.PROBLEM);
        }
    }

    static final class StorableStringDeserializer extends StdScalarDeserializer<String> {

        StorableStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                // 5 or true where text is expected is a wrong type, not text "5" (Jackson would coerce it).
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && !StorableText.isStorable(value)) {
                throw new UnstorableTextException(parser);
            }
            return value;
        }
    }
}

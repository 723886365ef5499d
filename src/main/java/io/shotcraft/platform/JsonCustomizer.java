package io.shotcraft.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Strict where leniency would hide client mistakes or lose data:
 * <ul>
 * <li>no scalar coercion: 123, true or 1.5 are not text, "42" is not a number, 1.5 is not an integer, 0 is not an
 * enum constant;</li>
 * <li>every text value, map key and text inside a free-form JSON document must be storable as it was read
 * ({@link StorableText}): the request is refused with the field's path rather than failing in PostgreSQL or being
 * stored differently from what was answered;</li>
 * <li>input must be well-formed UTF-8 (Jackson alone accepts overlong sequences such as {@code C0 80}).</li>
 * </ul>
 * Records leave out their null properties ({@code quarkus.jackson.serialization-inclusion=non_null}), but maps and
 * JSON documents keep their members as they are: a job's stored result travels as a map through the reactive driver,
 * and must keep the nulls its synchronous answer has.
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
        mapper.registerModule(new SimpleModule("storable-text")
                .addDeserializer(String.class, new StorableStringDeserializer())
                .addKeyDeserializer(String.class, new StorableKeyDeserializer())
                .addDeserializer(JsonNode.class, new StorableTreeDeserializer()));
        mapper.getFactory().setInputDecorator(new StrictUtf8());
    }

    /** A text value that cannot be stored as read; {@link ProblemMappers} answers 400 naming its path. */
    public static final class UnstorableTextException extends InvalidFormatException {
        private final String reason;

        UnstorableTextException(JsonParser parser, String reason) {
            super(parser, reason, null, String.class);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    static final class StorableStringDeserializer extends StdScalarDeserializer<String> {
        StorableStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return checked(p, StringDeserializer.instance.deserialize(p, ctxt));
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }
    }

    static final class StorableKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return checked(ctxt.getParser(), key);
        }
    }

    /** Free-form JSON (a job's input, a plan's metadata) holds the same text rules in its names and values. */
    static final class StorableTreeDeserializer extends StdDeserializer<JsonNode> {
        StorableTreeDeserializer() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            @SuppressWarnings("unchecked")
            var tree = ((StdDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class)).deserialize(p, ctxt);
            var path = new ArrayDeque<JsonMappingException.Reference>();
            var reason = find(tree, path);
            if (reason != null) {
                var e = new UnstorableTextException(p, reason);
                for (Iterator<JsonMappingException.Reference> it = path.descendingIterator(); it.hasNext();) {
                    e.prependPath(it.next());
                }
                throw e;
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Untyped;
        }

        private static String find(JsonNode node, Deque<JsonMappingException.Reference> path) {
            if (node.isTextual()) {
                return StorableText.problem(node.textValue());
            }
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    var field = it.next();
                    path.addLast(new JsonMappingException.Reference(null, field.getKey()));
                    var reason = StorableText.problem(field.getKey());
                    if (reason == null) {
                        reason = find(field.getValue(), path);
                    }
                    if (reason != null) {
                        return reason;
                    }
                    path.removeLast();
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    path.addLast(new JsonMappingException.Reference(null, i));
                    var reason = find(node.get(i), path);
                    if (reason != null) {
                        return reason;
                    }
                    path.removeLast();
                }
            }
            return null;
        }
    }

    private static String checked(JsonParser p, String text) throws UnstorableTextException {
        var reason = StorableText.problem(text);
        if (reason != null) {
            throw new UnstorableTextException(p, reason);
        }
        return text;
    }

    /** Refuses bytes that are not well-formed UTF-8 before Jackson decodes them. */
    static final class StrictUtf8 extends InputDecorator {
        @Override
        public InputStream decorate(IOContext ctxt, InputStream in) throws IOException {
            var bytes = in.readAllBytes();
            check(bytes, 0, bytes.length);
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public InputStream decorate(IOContext ctxt, byte[] src, int offset, int length) throws IOException {
            check(src, offset, length);
            return null;
        }

        @Override
        public Reader decorate(IOContext ctxt, Reader r) {
            return r;
        }

        private static void check(byte[] bytes, int offset, int length) throws JsonParseException {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            var buffer = ByteBuffer.wrap(bytes, offset, length);
            try {
                decoder.decode(buffer);
            } catch (CharacterCodingException e) {
                throw new JsonParseException(null, "the body is not well-formed UTF-8 (at byte " + (buffer.position() - offset) + ")");
            }
        }
    }
}

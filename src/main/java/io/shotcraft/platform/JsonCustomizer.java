package io.shotcraft.platform;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Strict where leniency would hide client mistakes: 1.5 is not an integer. Records leave out their null properties
 * ({@code quarkus.jackson.serialization-inclusion=non_null}), but maps and JSON documents keep their members as they
 * are: a job's stored result travels as a map through the reactive driver, and must keep the nulls its synchronous
 * answer has.
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
    }
}

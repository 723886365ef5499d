package io.shotcraft.targets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;
import io.shotcraft.ai.Prompts;
import io.shotcraft.targets.rules.ClipTokenizer;

/** The catalog, read once at startup: bad group files stop the service with a message naming the file. */
@ApplicationScoped
public class TargetCatalogProducer {

    @Produces
    @Singleton
    @Startup
    TargetCatalog catalog(TargetsConfig config, Prompts prompts, ObjectMapper json) {
        return TargetCatalog.load(config.locations(), prompts::textOrNull, json, text -> ClipTokenizer.shared().count(text));
    }
}

package io.shotcraft.ai;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** Until learning provides its own, every call runs with the configured settings and the declared prompt. */
@DefaultBean
@ApplicationScoped
public class DeclaredTaskTuning implements TaskTuning {
}

package io.shotcraft.platform;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the HTTP edge ({@code shotcraft.http.*}). */
@ConfigMapping(prefix = "shotcraft.http")
public interface HttpConfig {

    /** Longest a request body may take to arrive whole; then 408 and the connection closes. */
    @WithDefault("PT10S")
    Duration bodyTimeout();
}

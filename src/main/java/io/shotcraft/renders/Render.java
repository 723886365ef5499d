package io.shotcraft.renders;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A render's record; its id is the id of the job that runs it. {@code status} follows the job's words (running,
 * succeeded, failed, cancelled); JSON columns hold raw JSON text; the output bytes are in the {@code OutputStore}.
 */
@Entity
@Table(name = "render")
public class Render extends PanacheEntityBase {

    @Id
    public UUID id;

    public String backend;

    public String model;

    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String inputs;

    public boolean preview;

    /** The backend's own id of the render (what a cancel names), once it accepted it. */
    @Column(name = "backend_id")
    public String backendId;

    /** The backend's last status, in its own words. */
    @Column(name = "backend_status")
    public String backendStatus;

    /** The backend's last percentage, when it gives one. */
    public Integer progress;

    /** The outputs' metadata, a JSON array (as text: see V8__renders.sql). */
    public String outputs;

    /** What the backend could not honour, a JSON array of strings (as text). */
    public String warnings;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String error;

    @Column(name = "cost_usd")
    public BigDecimal costUsd;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** Time spent at the backend, from the first call to the last output received. */
    @Column(name = "backend_ms")
    public Long backendMs;
}

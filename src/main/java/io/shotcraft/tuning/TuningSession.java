package io.shotcraft.tuning;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A user's tuning session; {@code revision} is the number of its latest revision. */
@Entity
@Table(name = "tuning_session")
public class TuningSession extends PanacheEntityBase {

    @Id
    public UUID id;

    public int revision;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The last target groups selected per category, as a JSON object (null until a selection is made). */
    @Column(name = "target_selections")
    public String targetSelections;
}

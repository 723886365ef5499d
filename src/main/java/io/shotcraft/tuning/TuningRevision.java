package io.shotcraft.tuning;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One revision of a session, never changed once written. {@code parameters} and {@code changes} are JSON
 * arrays as text: parameters as {@code [{"name","value"}…]}, in the prompt's order.
 */
@Entity
@Table(name = "tuning_revision")
@IdClass(TuningRevision.Key.class)
public class TuningRevision extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Id
    public int number;

    public String prompt;

    public String parameters;

    public String request;

    public String changes;

    public String engine;

    public String model;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The composite key: a session and a revision number. */
    public static class Key implements Serializable {
        public UUID sessionId;
        public int number;

        public Key() {
        }

        public Key(UUID sessionId, int number) {
            this.sessionId = sessionId;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.number == number && Objects.equals(key.sessionId, sessionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, number);
        }
    }
}

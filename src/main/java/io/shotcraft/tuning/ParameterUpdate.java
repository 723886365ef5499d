package io.shotcraft.tuning;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One change an edit makes: set an existing parameter, add a new one, or remove one (value null). */
@RegisterForReflection
public record ParameterUpdate(Op op, String name, String value) {

    public enum Op {
        SET, ADD, REMOVE
    }

    public static ParameterUpdate set(String name, String value) {
        return new ParameterUpdate(Op.SET, name, value);
    }

    public static ParameterUpdate add(String name, String value) {
        return new ParameterUpdate(Op.ADD, name, value);
    }

    public static ParameterUpdate remove(String name) {
        return new ParameterUpdate(Op.REMOVE, name, null);
    }
}

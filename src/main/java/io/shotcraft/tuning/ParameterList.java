package io.shotcraft.tuning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shotcraft.parameters.Parameter;

/** Operations on a prompt's ordered parameters. */
public final class ParameterList {

    private ParameterList() {
    }

    /** Applies updates in order: SET replaces in place (or appends), ADD appends (or replaces), REMOVE drops. */
    public static List<Parameter> apply(List<Parameter> before, List<ParameterUpdate> updates) {
        List<Parameter> after = new ArrayList<>(before);
        for (var update : updates) {
            int at = indexOf(after, update.name());
            switch (update.op()) {
                case SET, ADD -> {
                    var parameter = new Parameter(update.name(), update.value());
                    if (at >= 0) {
                        after.set(at, parameter);
                    } else {
                        after.add(parameter);
                    }
                }
                case REMOVE -> {
                    if (at >= 0) {
                        after.remove(at);
                    }
                }
            }
        }
        return List.copyOf(after);
    }

    public static int indexOf(List<Parameter> parameters, String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The parameters as an ordered JSON object for the API. */
    public static Map<String, String> asMap(List<Parameter> parameters) {
        Map<String, String> map = new LinkedHashMap<>();
        parameters.forEach(p -> map.put(p.name(), p.value()));
        return map;
    }
}

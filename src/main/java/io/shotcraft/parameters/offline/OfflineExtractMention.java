package io.shotcraft.parameters.offline;

/** A parameter value found in a prompt: the parameter's name ("prop" for any prop) and the value's offsets. */
record OfflineExtractMention(String name, int start, int end) {
}

package io.shotcraft.clips;

/** A clip's prompt before validation: written by the model, or by the template and then why. */
record ClipDraft(int clipIndex, String prompt, boolean llm, String fallbackReason) {

    static ClipDraft template(ClipBase base, String reason) {
        return new ClipDraft(base.index(), base.template(), false, reason);
    }
}

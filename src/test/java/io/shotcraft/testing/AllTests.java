package io.shotcraft.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Test resources every Quarkus test shares: the stubbed OpenAI endpoint and the stubbed render backends. */
@QuarkusTestResource(OpenAiStub.class)
@QuarkusTestResource(RenderBackendsStub.class)
public final class AllTests {

    private AllTests() {
    }
}

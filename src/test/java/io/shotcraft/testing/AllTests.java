package io.shotcraft.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Test resources every Quarkus test shares: the stubbed OpenAI endpoint. */
@QuarkusTestResource(OpenAiStub.class)
public final class AllTests {

    private AllTests() {
    }
}

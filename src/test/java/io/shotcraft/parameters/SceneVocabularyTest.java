package io.shotcraft.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SceneVocabularyTest {

    private static Set<Trait> traits(String text) {
        return SceneVocabulary.traits(Mentions.words(text));
    }

    @Test
    void readsSceneTraitsAndWhoIsThere() {
        assertThat(traits("A fox crosses a snowy road at night"))
                .contains(Trait.NIGHT, Trait.SNOW, Trait.COLD, Trait.ROAD, Trait.SUBJECT, Trait.FURRY, Trait.ANIMAL);
        assertThat(traits("Two men walk down a rainy street")).contains(Trait.PERSON, Trait.RAIN, Trait.URBAN);
        assertThat(traits("she smiles")).contains(Trait.PERSON, Trait.SUBJECT);
        assertThat(traits("a robot")).contains(Trait.CHARACTER, Trait.SUBJECT).doesNotContain(Trait.ANIMAL);
    }

    @Test
    void namesTheFirstSubjectInTheSingularOnly() {
        assertThat(SceneVocabulary.firstSubject(Mentions.words("Two men and a fox")))
                .isEqualTo(Optional.of(new SceneVocabulary.Subject("fox", Trait.FURRY)));
        assertThat(SceneVocabulary.firstSubject(Mentions.words("she walks"))).isEmpty();
    }

    @Test
    void keepsStillnessAndRestApart() {
        assertThat(traits("a cat sits on a windowsill")).contains(Trait.RESTING).doesNotContain(Trait.STILL);
        assertThat(traits("a locked-off shot of a statue")).contains(Trait.STILL);
    }

    @Test
    void tellsWhichAspectsATextCovers() {
        assertThat(SceneVocabulary.covered(Mentions.words("Close-up, the camera dollies in under warm candlelight")))
                .contains(Aspect.SHOT_TYPE, Aspect.CAMERA_MOVEMENT, Aspect.LIGHTING);
        assertThat(SceneVocabulary.covered(Mentions.words("a teal and orange grade")))
                .contains(Aspect.COLOR_PALETTE, Aspect.COLOR_ATMOSPHERE);
        assertThat(SceneVocabulary.covered(Mentions.words("fine film grain")))
                .contains(Aspect.COLOR_ATMOSPHERE).doesNotContain(Aspect.COLOR_PALETTE);
    }
}

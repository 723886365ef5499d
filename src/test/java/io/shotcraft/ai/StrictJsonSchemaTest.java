package io.shotcraft.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class StrictJsonSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final StrictJsonSchema PARAMETERS = StrictJsonSchema.of(json("""
            {'type':'object','additionalProperties':false,'required':['parameters','mood'],
             'properties':{
               'parameters':{'type':'array','minItems':1,'items':{'$ref':'#/$defs/pair'}},
               'mood':{'anyOf':[{'type':'string','enum':['calm','tense']},{'type':'null'}]},
               'count':{'type':'integer','minimum':0,'maximum':10}},
             '$defs':{'pair':{'type':'object','additionalProperties':false,'required':['name','value'],
               'properties':{'name':{'type':'string','pattern':'^[a-z_0-9]+$'},'value':{'type':'string','minLength':1,'maxLength':20}}}}}
            """));

    @Test
    void aFittingAnswerHasNoErrors() {
        assertThat(PARAMETERS.validate(json("{'parameters':[{'name':'subject','value':'a robot'}],'mood':null,'count':3}")))
                .isEmpty();
        assertThat(PARAMETERS.validate(json("{'parameters':[{'name':'prop_1','value':'skillet'}],'mood':'calm'}"))).isEmpty();
    }

    @Test
    void eachFaultIsNamedWithItsPath() {
        assertThat(PARAMETERS.validate(json("{'parameters':[]}")))
                .containsExactlyInAnyOrder("$: missing required property 'mood'", "$.parameters: fewer than 1 items");
        assertThat(PARAMETERS.validate(json("{'parameters':[{'name':'Bad Name','value':''}],'mood':'happy','extra':1}")))
                .containsExactlyInAnyOrder("$: unexpected property 'extra'",
                        "$.parameters[0].name: does not match ^[a-z_0-9]+$",
                        "$.parameters[0].value: shorter than 1 characters",
                        "$.mood: matches none of the allowed shapes");
        assertThat(PARAMETERS.validate(json("{'parameters':'robot','mood':'calm','count':2.5}")))
                .containsExactlyInAnyOrder("$.parameters: expected \"array\" but found string",
                        "$.count: expected \"integer\" but found number");
        assertThat(PARAMETERS.validate(json("[1]"))).containsExactly("$: expected \"object\" but found array");
        assertThat(PARAMETERS.validate(json("{'parameters':[{'name':'a','value':'b'}],'mood':'calm','count':11}")))
                .containsExactly("$.count: above the maximum");
    }

    @Test
    void aSchemaWithAKeywordOutsideTheSubsetIsRefusedWhenLoaded() {
        assertThatThrownBy(() -> StrictJsonSchema.of(json("{'type':'object','properties':{'a':{'type':'string','oneOf':[]}}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'oneOf'").hasMessageContaining("#/properties/a");
    }

    /** What the library derives from an answer record in strict mode stays inside the subset, and is enforced. */
    record Answer(String text, java.util.List<String> tags) {
    }

    @Test
    void theSchemaDerivedFromAnAnswerRecordLoads() {
        var derived = dev.langchain4j.internal.JsonSchemaElementUtils.toMap(
                dev.langchain4j.internal.JsonSchemaElementUtils.jsonSchemaElementFrom(Answer.class), true);
        var schema = StrictJsonSchema.of(JSON.valueToTree(derived));
        assertThat(schema.validate(json("{'text':'A fox at night.','tags':['fox']}"))).isEmpty();
        assertThat(schema.validate(json("{'text':'A fox at night.'}"))).hasSize(1);
        assertThat(schema.validate(json("{'text':'A fox.','tags':[],'extra':1}"))).hasSize(1);
    }
}

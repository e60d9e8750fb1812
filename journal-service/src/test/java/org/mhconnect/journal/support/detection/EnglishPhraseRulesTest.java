package org.mhconnect.journal.support.detection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The English phrases kept as data ({@code crisis/rules/en.tsv}): preparatory acts, passive wishes without "die",
 * self-harm by hitting or starving, and harm at home told indirectly. Each needs the writer and a purpose; the
 * everyday sentences below, written to sit close to the phrases, must stay quiet.
 */
class EnglishPhraseRulesTest {

    private static final PhraseRules RULES = PhraseRules.load(Language.ENGLISH);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Spent the evening writing goodbye letters to my brothers.|SUICIDAL_THOUGHTS",
            "i left a goodbye note on the kitchen table|SUICIDAL_THOUGHTS",
            "Wrote letters to my kids for when I'm gone.|SUICIDAL_THOUGHTS",
            "I've been giving away all my things this week.|SUICIDAL_THOUGHTS",
            "Told Jo to keep my guitar, I won't need it where I'm going.|SUICIDAL_THOUGHTS",
            "I've been saving up my antidepressants for weeks.|SUICIDAL_THOUGHTS",
            "collecting dad's painkillers one at a time so nobody notices|SUICIDAL_THOUGHTS",
            "Tonight I'm swallowing everything in the medicine drawer.|SUICIDAL_THOUGHTS",
            "This will be my final entry.|SUICIDAL_THOUGHTS",
            "this is the last thing i'll ever write|SUICIDAL_THOUGHTS",
            "I am really going through with it tonight.|SUICIDAL_THOUGHTS",
            "Getting my affairs in order, quietly.|SUICIDAL_THOUGHTS",
            "Sorting out my paperwork before I go.|SUICIDAL_THOUGHTS",
            "I'm so tired of being alive.|SUICIDAL_THOUGHTS",
            "honestly just done with existing|SUICIDAL_THOUGHTS",
            "I wish I could just fade away.|SUICIDAL_THOUGHTS",
            "My family would be so much happier if I wasn't around.|SUICIDAL_THOUGHTS",
            "At the scan I hoped it would be something terminal.|SUICIDAL_THOUGHTS",
            "I hope I don't wake up tomorrow.|SUICIDAL_THOUGHTS",
            "Drove my car at the wall deliberately last spring.|SUICIDAL_THOUGHTS",
            "I just want to end it.|SUICIDAL_THOUGHTS",
            "Slammed my fists on the desk until they swelled up.|SELF_HARM",
            "kept banging my head on the bedroom wall to make the thoughts stop|SELF_HARM",
            "Punched the wall till my knuckles split.|SELF_HARM",
            "Been thinking about cutting all day.|SELF_HARM",
            "I only burn where my sleeves cover it.|SELF_HARM",
            "I don't deserve to eat after today.|SELF_HARM",
            "My boyfriend gets rough with me when he's angry.|ABUSE",
            "Things turned violent again at home.|ABUSE",
            "She made me tell the nurse I fell down the stairs.|ABUSE",
            "Told my manager I walked into a door again.|ABUSE",
            "I have to ask for his permission to see my friends.|ABUSE",
            "Locked myself in the bathroom until he calmed down.|ABUSE",
            "His hands were around my neck for a moment.|ABUSE",
            "My ex keeps turning up outside my work.|ABUSE"})
    void phrasesOfTheWritersCrisisAreFound(String sentence, CrisisSignal signal) {
        assertThat(RULES.detect(sentence)).contains(signal);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Wrote a goodbye card for Sam's leaving do.",
            "I'm collecting my prescription tomorrow.",
            "Giving away all my old clothes to charity before the move.",
            "I won't need my umbrella, it's sunny.",
            "This is my last entry for today.",
            "This is the final entry before I go on holiday.",
            "The surgery is scary but I'm going through with it.",
            "Said goodbye to everyone at the airport and cried.",
            "Tidying the kitchen before I go to bed.",
            "I'm tired of living in this tiny flat.",
            "I wish I could disappear into a good book.",
            "Everyone would be happier if I wasn't around so much on weekends.",
            "I hope it's not terminal, the doctor will call on Monday.",
            "Crashed my car into a post in the car park, so embarrassing.",
            "I want to end it with him, the relationship is over.",
            "Banged my head on the cupboard door, ouch.",
            "Thinking about cutting my hair short.",
            "I don't deserve this promotion, impostor syndrome again.",
            "The match got physical in the second half.",
            "He gets rough with the dog's toys.",
            "I had to tell the teacher I fell over in the playground.",
            "I need permission to go on the school trip.",
            "Hid in the wardrobe until she found me, the kids loved it.",
            "My throat hurts from shouting at the concert.",
            "My cat keeps following me around the flat.",
            "I never wrote goodbye letters, and I never will."})
    void everydaySentencesCloseToThemStayQuiet(String sentence) {
        assertThat(RULES.detect(sentence)).isEmpty();
    }
}

package org.mhconnect.journal.support.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first stage of {@link CrisisDetector} for English: explicit phrases of suicidal thoughts, self-harm and abuse by
 * someone close, with negation, idioms and topics (books, films, courses) handled by rule.
 *
 * <p>This is a safety net, not a diagnosis. It only decides whether to offer support; it cannot tell how someone
 * feels, and an empty answer never means that someone is safe.
 *
 * <p>The approach is deterministic and uses plain regular expressions:
 * <ol>
 * <li>Normalise: lower case, curly apostrophes become straight ones, contractions are spelled out ("don't" becomes
 * "do not", "I'm" becomes "I am").</li>
 * <li>Split the text into clauses at sentence punctuation, commas, semicolons and "but".</li>
 * <li>Look for the phrases of each signal ({@code SUICIDAL_THOUGHTS_PHRASES}, {@code SELF_HARM_PHRASES},
 * {@code ABUSE_PHRASES}). A phrase needs the words around it: a wish to die rather than "die", "myself" rather than
 * "cut", someone close hurting "me". So everyday idioms ("I'd die for a coffee", "cutting vegetables", "this joke
 * killed me") do not match in the first place.</li>
 * <li>Ignore a match when a negation ("not", "never", "no longer", "without"...) sits a few words before its core in
 * the same clause ("I don't want to die"). A negation reaches no further than the clause, nor past words such as
 * "and", "because" or a new "I": "I don't know why I want to die" and "I'm not okay. I want to die." are signals.</li>
 * <li>Ignore a match when the clause is about a book, film or course rather than the writer ("a documentary about
 * domestic abuse", "self-harm awareness week", "one year self-harm free").</li>
 * </ol>
 *
 * <p>The detector never logs, stores or sends the text it reads; it only answers which signals it saw. It holds no
 * state, so one instance can serve every thread.
 */
final class EnglishCrisisRules {

    /** How many words before a phrase a negation may stand and still negate it. */
    private static final int NEGATION_WINDOW = 7;

    // ---------------------------------------------------------------------------------------------------------------
    // Building blocks shared by the phrases below.
    // ---------------------------------------------------------------------------------------------------------------

    /** Someone close enough to hurt the writer: partner, family, carer, housemate. */
    private static final String CLOSE_PERSON = "(?:ex-|ex |step-|step)?"
            + "(?:partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|dad|father|mum|mom|mam|mother|brother|sister"
            + "|uncle|aunt|parents|fiance|fiancee|carer|flatmate|roommate|housemate|grandad|grandfather|grandpa)";

    /** Who may be doing the hurting: "he", "she", "they", "my partner", "my mum's boyfriend". */
    private static final String PERSON = "\\b(?:he|she|they|(?:my|our|(?:my )?(?:mum|mom|dad|mother|father)'s) "
            + CLOSE_PERSON + ")";

    /** Small words between a person and what they do: "he has always", "she started to", "he never". */
    private static final String HELPERS = "(?: (?:has|have|had|is|was|are|were|been|be|keeps|kept|keep|always|still"
            + "|sometimes|often|even|just|also|again|then|once|twice|started|starts|tried|tries|to|would|will|did"
            + "|does|do|could|might|may|can|actually|really|literally|never|not|ever|nearly|almost|usually|regularly"
            + "|constantly|physically|sexually|finally|going|gonna|mean|meant|means)){0,4}";

    /** What someone close does to the writer, always ending with "me" ("hits me", but not "hit me up"). */
    private static final String HARMS_ME = "(?:hit(?:s|ting)? me(?! up\\b)"
            + "|beat(?:s|en|ing)? me(?! (?:at|in|to)\\b)"
            + "|kick(?:s|ed|ing)? me(?! (?:out|off|under the table)\\b)"
            + "|(?:slap(?:s|ped|ping)?|punch(?:es|ed|ing)?|chok(?:e|es|ed|ing)|strangl(?:e|es|ed|ing)"
            + "|throttl(?:e|es|ed|ing)|shov(?:e|es|ed|ing)|smack(?:s|ed|ing)?|abus(?:e|es|ed|ing)"
            + "|rap(?:e|es|ed|ing)|threaten(?:s|ed|ing)?|attack(?:s|ed|ing)?|molest(?:s|ed|ing)?"
            + "|assault(?:s|ed|ing)?|stalk(?:s|ed|ing)?|bit|bites|biting|burn(?:s|ed|t)|whip(?:s|ped|ping)?"
            + "|spit(?:s|ting)? (?:on|at)|spat (?:on|at)|thr(?:ew|ows?|owing) (?:\\w+ ){0,2}at) me\\b"
            + "|hurt(?:s|ing)? me\\b(?! (?:with (?:what|his|her|their|those|that|the|a|words)"
            + "|by (?:saying|not|ignoring|leaving|forgetting|cheating|lying))\\b)"
            + "|forc(?:e|es|ed|ing) me\\b(?! to (?:work|eat|study|apologi[sz]e|attend|run|try|wait|clean|practi[sc]e"
            + "|pay|go to|come to)\\b)"
            + "|forc(?:e|es|ed|ing) (?:himself|herself) on me\\b"
            + "|push(?:es|ed|ing)? me (?:down|over|against|into|onto|off|out of|to the (?:floor|ground))"
            + "|grab(?:s|bed|bing)? me (?:by|around|so hard|hard)"
            + "|touch(?:es|ed|ing)? me (?:when|where|without|even though|against|at night)"
            + "|pin(?:s|ned|ning)? me (?:down|against|to)"
            + "|lock(?:s|ed|ing)? me (?:in|up)\\b"
            + "|(?:left|leaves|leave|gave|gives|give) me (?:a )?(?:bruises?|black eyes?|marks|split lip))";

    /** Follows a self-injury phrase when it was an accident: "cut myself shaving", "burnt myself on the oven". */
    private static final String NOT_AN_ACCIDENT = "(?! (?:on (?:the|a|my) (?:oven|stove|hob|kettle|iron|pan|tray"
            + "|stairs|door|cupboard|table|corner|edge|knife|glass|paper|grill|radiator|fence|nail|rock|bike)"
            + "|on (?:the|my) head with"
            + "|(?:at|in) (?:the )?(?:gym|work|kitchen|garden|training|practice|match|game|sun)|at the beach"
            + "|while|during|playing|when i (?:fell|tripped|slipped|dropped)|lifting|running|shaving|cooking|baking"
            + "|ironing|making|chopping|gardening|by accident|accidentally|slightly|a bit|a little"
            + "|with (?:the|a|my) (?:kettle|iron|pan|oven|knife|straighteners|hair straighteners|curling iron|tin|can)"
            + "|trying to|falling)\\b)";

    // ---------------------------------------------------------------------------------------------------------------
    // The phrases, grouped by signal. A group named "core" marks the words a negation must precede to negate the
    // phrase ("he never hits me": the core is "hits me"); without it, the whole match is the core.
    // ---------------------------------------------------------------------------------------------------------------

    private static final List<Phrase> SUICIDAL_THOUGHTS_PHRASES = phrases(
            // "I want to die", "I'd rather be dead"; not "die of embarrassment", "rather die than"
            "\\b(?<core>want(?:s|ed|ing)?|wanna|wish(?:es|ed|ing)?|long(?:s|ed|ing)?|deserve(?:s|d)?|pray(?:s|ed|ing)?"
                    + "|rather)"
                    + " (?:to )?(?:just |simply |really |honestly |actually )?(?:die|be dead|stop existing|not exist"
                    + "|not be alive|cease to exist|disappear (?:forever|for good)"
                    + "|(?:go to sleep|fall asleep|sleep) and never wake up|never wake up)\\b"
                    + "(?! (?:of|from) (?:boredom|embarrassment|shame|laughter|laughing|cringe|the heat|heat|happiness"
                    + "|excitement|jealousy|envy|curiosity|hunger)\\b| laughing\\b| than\\b)",
            // "I wish I was dead", "I wish I wasn't alive", "wish I'd never been born", "wish I could never wake up"
            "\\b(?<core>wish(?:es|ed|ing)?) (?:that )?i (?:(?:was|were|could be|would be|had been) dead"
                    + "|(?:was|were|had|would|have)(?: not| never)(?: have)?(?: been)? (?:alive|born"
                    + "|here(?= any ?more|$)|around(?= any ?more|$))"
                    + "|(?:could |would )?(?:just )?(?:die|disappear (?:forever|for good)|stop existing|not exist"
                    + "|cease to exist|sleep forever|(?:go to sleep|fall asleep) and (?:never|not) wake up"
                    + "|(?:would |did |do |could )?(?:not|never) wake up))\\b",
            // "thinking about ending it all", "thoughts of suicide", "looking up ways to kill myself"
            "\\b(?<core>think(?:s|ing)?|thought(?:s)?|fantasi[sz](?:e|es|ed|ing)|dream(?:s|ed|ing|t)?"
                    + "|obsess(?:es|ed|ing)?|plan(?:s|ned|ning)?|consider(?:s|ed|ing)?|contemplat(?:e|es|ed|ing)"
                    + "|research(?:ed|ing)?|googl(?:e|ed|ing)|look(?:s|ed|ing)? up)"
                    + " (?:(?:a lot|again|constantly|so much|every day|all the time|more and more|seriously|lately"
                    + "|recently) )?(?:about |of |on )?(?:dying(?! (?:my|her|his|the|it|your)\\b)|being dead"
                    + "|killing myself|ending (?:it all|my life|it$)|suicide|taking my (?:own )?life"
                    + "|not being (?:alive|here|around)(?= any ?more|$)|not waking up|how to (?:die|kill myself|end it)"
                    + "|(?:painless |easy |quick )?ways to (?:die|kill myself|end it)|my own funeral"
                    + "|disappearing forever)\\b",
            // "I want to kill myself", "hang myself"; not "killing myself at the gym", "shot myself in the foot"
            "\\b(?<core>kill(?:s|ed|ing)?|off|hang(?:s|ed|ing)?|hung|drown(?:s|ed|ing)?|shoot(?:s|ing)?|shot"
                    + "|poison(?:s|ed|ing)?|suffocat(?:e|es|ed|ing)|throw(?:s|ing)?|threw|end(?:s|ed|ing)?) myself\\b"
                    + "(?! (?:laughing|in the foot|in (?:work|my work|coffee|tea|chocolate|books|tv|netflix|study"
                    + "|studying|homework|sorrow)|at (?:the gym|work)|to (?:finish|meet|get|make|keep|hit|pass|please)"
                    + "|over (?:this|that|the|a) \\w+|into (?:work|my work|the|it|this|a|my)|at (?:him|her|them)"
                    + "|on (?:the|my) (?:sofa|couch|bed|floor)|down on|onto)\\b)",
            // "end my life", "ending it all", "I'm going to end it tonight"
            "\\b(?<core>end(?:s|ed|ing)?) (?:it all|my (?:own )?life|my (?:own )?existence"
                    + "|it(?= tonight| for good| today| now)|everything(?= for good| tonight|$))\\b",
            // "take my own life"; not "take my life back"
            "\\b(?<core>take|takes|took|taking|taken) my (?:own )?life\\b(?! (?:away|back|over|in|into)\\b)",
            // "no reason to live", "I don't have a reason to live"; not "no reason to live in the city"
            "\\b(?<core>no|not (?:have|see|find|got)(?: a| any)?|not a single|nothing left(?: as a)?"
                    + "|lost (?:my|all|every|any)|can not (?:see|find|think of)(?: a| any)?|without (?:a|any))"
                    + " reasons? (?:to|for) (?:live|living|stay alive|be alive|keep going|keep living|exist|be here)\\b"
                    + "(?! (?:in|near|at|on|with|there|here|abroad|alone|together|like|somewhere|by|close|far|so"
                    + "|under|this|that|to)\\b)",
            // "nothing left to live for", "life isn't worth living", "what's the point of living"
            "\\b(?:nothing|no one|nobody|not much|little) (?:left )?(?:to live for|worth living for)\\b",
            "\\bnot worth living\\b",
            "\\b(?:life|living|being alive|existing)(?: is| was| feels| seems)(?: just| really| honestly| simply)?"
                    + " (?:not|no longer) worth (?:it|the pain|the effort|the struggle)\\b",
            "\\b(?:no|not any|not much|what is the|there is no) (?:point|purpose|meaning) (?:in|to|of) (?:living"
                    + "|being alive|staying alive|existing|going on(?=$| any ?more| living)"
                    + "|carrying on(?=$| any ?more| living)|waking up(?=$| any ?more| every day| each day"
                    + "| in the morning))\\b",
            // "everyone would be better off without me", "better off dead"
            "\\b(?<core>better off) (?:without me|dead|with me (?:dead|gone)|if i (?:died|disappeared|was gone"
                    + "|were gone|was dead|were dead|did not exist|never existed|had never been born"
                    + "|would never been born|was never born|were never born|was not (?:here|around|alive)"
                    + "|were not (?:here|around|alive)|killed myself))\\b",
            // "nobody would even notice if I died"
            "\\b(?:no one|nobody|no-one|would anyone|would anybody|will anyone|does anyone)"
                    + "(?: would| will| even| really| actually){0,3} (?:care|cared|notice|noticed|miss me|cry|cried)"
                    + "(?: at all)? if i (?:died|was dead|were dead|was gone|were gone|disappeared|killed myself"
                    + "|was not here|were not here|did not wake up|never woke up|never came back)\\b",
            // "suicidal", "I attempted suicide", "I wrote a suicide note"
            "\\bsuicidal(?:ly)?\\b",
            "\\b(?<core>attempt(?:s|ed|ing)?|commit(?:s|ted|ting)?|tried|trying|try|close to|urges?|urged)"
                    + " (?:to )?(?:commit |attempt |attempting )?suicide\\b",
            "\\bsuicide (?:note|letter|plan|attempt|attempts|thoughts?|ideation)\\b",
            "\\bkms\\b",
            // "I took an overdose", "saving up my pills"; not "I overdosed on chocolate"
            "\\b(?<core>take|takes|took|taking|taken|swallow(?:s|ed|ing)?) (?:an |a )?overdose\\b",
            "\\b(?<core>take|takes|took|taking|taken|swallow(?:s|ed|ing)?) (?:a |an |the )?(?:whole|entire)"
                    + " (?:bottle|box|packet|pack|strip)s? of (?:pills|tablets|painkillers|paracetamol|sleeping pills"
                    + "|meds|medication)\\b",
            "\\b(?<core>overdos(?:e|es|ed|ing)) on (?:my |the |all (?:of )?(?:my|the) )?(?:pills|tablets|meds"
                    + "|medication|painkillers|paracetamol|sleeping pills|insulin|antidepressants)\\b",
            "\\b(?<core>stockpil(?:e|es|ed|ing)|hoard(?:s|ed|ing)?|sav(?:e|es|ed|ing) up) (?:my |the |all (?:my|the) )?"
                    + "(?:pills|tablets|meds|medication|painkillers|sleeping pills)\\b",
            // "thinking about jumping off the bridge", "I wanted to step in front of the train"
            "\\b(?<core>want(?:s|ed|ing)?|thought about|thinking about|think about|urges?|tempted|considered"
                    + "|considering|planning|plan|planned|wish i could) (?:to )?(?:just )?(?:jump(?:ing)?"
                    + "|throw(?:ing)? myself|step(?:ping)?|walk(?:ing)?) (?:off|from|in front of)"
                    + " (?:a |the |this |that |my )?(?:bridge|building|roof|rooftop|balcony|train|bus|car|lorry|truck"
                    + "|tube|platform|tower)\\b",
            "\\b(?<core>want(?:s|ed|ing)?|thought about|thinking about|think about|urges?|tempted) (?:to )?(?:just )?"
                    + "(?:walk|walking|step|stepping|run|running) (?:out )?into (?:the )?traffic\\b",
            // "I don't want to live anymore", "I can't go on"; the negation is part of the phrase here
            "\\b(?<core>not|never|no longer) (?:really |even |actually )?want(?:s|ed)? to (?:be alive|exist(?:ing)?"
                    + "|live\\b(?! (?:in|near|at|on|with|there|here|abroad|alone|together|like|somewhere|by|close|far"
                    + "|so|under|this|that|the|a|my|until|till|to|for|forever|past|through)\\b)"
                    + "|keep living|go on living|be here any ?more|be here any longer|be around any ?more"
                    + "|wake up (?:again|ever again|tomorrow|any ?more|in the morning)|see tomorrow|see another day)",
            "\\b(?<core>can not|could not|can no longer|unable to) (?:go on|carry on|keep going|keep living"
                    + "|live like this)(?=$| any ?more| any longer)",
            "\\b(?<core>want(?:s|ed|ing)?|wish(?:es|ed|ing)?) (?:it all|everything|all of (?:it|this)|my life)"
                    + " to (?:end|stop|be over)(?=$| for good| forever| now| tonight| already)",
            "\\b(?<core>slit(?:s|ting)?|slash(?:es|ed|ing)?) my (?:wrists?|throat)\\b",
            "\\b(?<core>tie|tied|tying|made|make|making|bought|buy) (?:a |the )?noose\\b");

    private static final List<Phrase> SELF_HARM_PHRASES = phrases(
            // "self-harm", "self harming", "self-injury"
            "\\b(?<core>self[- ]?harm(?:s|ed|ing|er)?|self[- ]?injur(?:y|ies|e|es|ed|ing)"
                    + "|self[- ]?mutilat(?:e|es|ed|ing|ion))\\b",
            // "I cut myself", "hurting myself", "burned myself with a lighter"; not "cut myself shaving"
            "\\b(?<core>cut(?:s|ting)?|slic(?:e|es|ed|ing)|carv(?:e|es|ed|ing)|burn(?:s|ed|t|ing)?"
                    + "|scratch(?:es|ed|ing)?|hit(?:s|ting)?|punch(?:es|ed|ing)?|hurt(?:s|ing)?|harm(?:s|ed|ing)?"
                    + "|bruis(?:e|es|ed|ing)|stab(?:s|bed|bing)?|starv(?:e|es|ed|ing)|bit(?:e|es|ing)?) myself\\b"
                    + NOT_AN_ACCIDENT,
            // "cutting my thighs", "burning my skin"; not "cut my hair"
            "\\b(?<core>cut(?:s|ting)?|slic(?:e|es|ed|ing)|carv(?:e|es|ed|ing)|burn(?:s|ed|t|ing)?"
                    + "|slash(?:es|ed|ing)?) (?:into )?my (?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?|forearms?"
                    + "|ankles?)\\b" + NOT_AN_ACCIDENT,
            // "I'm cutting again", "the urge to cut was strong", "I relapsed and cut"; not "cutting back on sugar"
            "\\b(?<core>cut(?:ting)?) again\\b",
            "\\b(?:urges?|urged|need|needed|want|wanted|wanting|started|starting|start|began|begun|been|keep|kept"
                    + "|back to|relapsed and|relapsed|craving|cravings|itching) (?:to |into )?(?<core>cut(?:ting)?"
                    + "|burn(?:ing)?|self harm)\\b(?=$| again\\b| (?:last night|tonight|today|every night|in secret"
                    + "|secretly|at night)\\b| (?:was|is|has|came|comes|got|gets|keeps|kept|returned|won)\\b)",
            // "I punish myself by hurting my arms", "scratched my arms until they bled"
            "\\b(?<core>punish(?:es|ed|ing)?) myself (?:by|with) (?:hurting|cutting|burning|hitting|scratching"
                    + "|starving|bruising|harming|pain|not eating)\\b",
            "\\b(?<core>\\w+) (?:myself|my (?:skin|arms?|legs?|wrists?|thighs?|face|hands?|lips?))"
                    + " (?:until|till|so hard|so much) (?:it|i|they) (?:bleed|bleeds|bled|bruise|bruises|bruised)\\b");

    private static final List<Phrase> ABUSE_PHRASES = phrases(
            // "he hits me", "my partner has been hurting me", "she slapped me again"; not "my brother beat me at chess"
            PERSON + HELPERS + " (?<core>" + HARMS_ME + ")",
            // "he threatened to kill me"
            "\\b(?<core>threaten(?:s|ed|ing)?) to (?:kill|hurt|hit|beat|stab|shoot|strangle|burn)"
                    + " (?:me|us|the kids|my (?:kids|children|son|daughter|family))\\b",
            // "he said he would kill me if I left"; not "she'll kill me if I spoil the ending"
            "\\b(?<core>said|says|swore|swears|told me|tells me|promised) (?:that )?(?:he|she|they) (?:would|will"
                    + "|is going to|was going to|are going to|were going to|is gonna) (?:kill|hurt|hit|beat|strangle"
                    + "|stab|shoot) me(?=$| if i (?:leave|left|tell|told|ever|go|went|call|called|speak|spoke|talk"
                    + "|talked|try|tried)\\b)",
            // "I'm afraid he will hurt me", "terrified my partner is going to kill me"
            "\\b(?<core>afraid|scared|terrified|frightened|petrified)(?: that)? (?:he|she|they|my " + CLOSE_PERSON
                    + ") (?:will|would|might|could|may|is going to|are going to|was going to|is gonna|is about to)"
                    + " (?:\\w+ )?(?:hurt|hit|kill|beat|attack|strangle|choke|rape) me\\b",
            // "I'm scared of my husband"; not "scared of my mum's reaction"
            "\\b(?<core>afraid|scared|terrified|frightened|petrified) of (?:him|them"
                    + "|her(?=$| when| because| now| sometimes| again| any ?more| so)|my " + CLOSE_PERSON + ")\\b"
                    + "(?!'s\\b| (?:reaction|opinion|response|answer|judg\\w*|finding|seeing|being|getting|going"
                    + "|leaving|dying|losing|telling|knowing)\\b)",
            "\\b(?<core>afraid|scared|terrified|frightened|petrified) (?:to go|of going|to be) (?:back )?home\\b",
            // "I don't feel safe at home", "I never feel safe around him"; the negation is part of the phrase here
            "\\b(?<core>not|never|no longer) (?:feel |felt |feeling )?(?:safe|secure)(?: any ?more)? (?:at home"
                    + "|in (?:my|our) (?:own )?(?:home|house|flat|apartment|room|bed)"
                    + "|around (?:him|her|them|my " + CLOSE_PERSON + ")|with (?:him|her|them|my " + CLOSE_PERSON + ")"
                    + "|living with (?:him|her|them|my " + CLOSE_PERSON + ")"
                    + "|when (?:he|she|they) (?:is|are|gets|get|comes|come) home)",
            // "I'm being abused", "I was sexually assaulted", "beaten by my dad"
            "\\b(?:am|is|are|was|were|been|being|get|gets|got|getting|feel|felt|feeling)(?: being)?"
                    + " (?:(?:physically|sexually|emotionally|verbally|mentally|financially) )?"
                    + "(?<core>abused|raped|molested|assaulted)\\b",
            "\\b(?:am|is|are|was|were|been|being|get|gets|got|getting)(?: being)? (?<core>hurt|hit|beaten|beaten up"
                    + "|kicked|punched|slapped|choked|strangled|threatened) (?:at home|by (?:him|her|them|my "
                    + CLOSE_PERSON + "))\\b",
            // "an abusive relationship", "he gets violent", "domestic abuse"
            "\\b(?<core>abusive) (?:relationship|partner|husband|wife|boyfriend|girlfriend|marriage|home|household"
                    + "|parents?|father|mother|dad|mum|mom|ex|family)",
            "\\b(?:he|she|they|my " + CLOSE_PERSON + ") (?:is|are|was|were|has been|have been|can be|gets|get|got"
                    + "|becomes|became|turns|turned)(?: \\w+){0,2}? (?<core>abusive|violent)\\b",
            "\\b(?<core>domestic (?:abuse|violence))\\b",
            // coercive control: "he won't let me see my friends", "she checks my phone"
            "\\b(?:he|she|my (?:partner|husband|wife|boyfriend|girlfriend|ex)) (?<core>will not|would not|does not"
                    + "|do not|did not|never) let(?:s)? me (?:leave|see my|see anyone|go anywhere"
                    + "|have (?:my own|any) money|use my phone|talk to)",
            "\\b(?:he|she|my (?:partner|husband|wife|boyfriend|girlfriend|ex)) (?:\\w+ )?(?<core>controls|checks"
                    + "|monitors|tracks) (?:my (?:money|phone|messages|location|bank)|everything i do|who i see"
                    + "|where i go)");

    /** Every signal with its phrases; declared after the phrase lists so that those are initialised first. */
    private static final Map<CrisisSignal, List<Phrase>> PHRASES = phrasesBySignal();

    // ---------------------------------------------------------------------------------------------------------------
    // Negation: which words negate a phrase, and which words end a negation's reach.
    // ---------------------------------------------------------------------------------------------------------------

    /** Words that negate a phrase a few words after them: "I would never hurt myself". */
    private static final Set<String> NEGATIONS = Set.of(
            "not", "never", "nor", "neither", "without", "none", "accidentally", "stopped");

    /** "no" negates only when it is right before the phrase or followed by one of these: "no longer", "no urge". */
    private static final Set<String> NEGATING_AFTER_NO = Set.of(
            "longer", "more", "way", "urge", "urges", "desire", "wish", "thoughts", "thought", "plan", "plans",
            "intention", "need", "temptation", "sign", "signs");

    /**
     * Words that end a negation's reach: "I don't know why I want to die", "I'm not sleeping and want to die".
     * "mean" belongs here because "he didn't mean to hit me" still says that he did.
     */
    private static final Set<String> NEGATION_SCOPE_BREAKERS = Set.of(
            "i", "and", "because", "cause", "then", "which", "who", "why", "what", "how", "when", "whenever", "if",
            "though", "although", "yet", "until", "unless", "mean", "meant");

    /** After these words a negation does reach past "I": "I don't think I'm suicidal", "no way I'd hurt myself". */
    private static final Set<String> NEGATION_CARRIERS = Set.of(
            "think", "believe", "reckon", "suppose", "feel", "like", "say", "said", "saying", "way");

    /** "not" followed by one of these does not negate what comes next: "I can't stop thinking about dying". */
    private static final Set<String> UNDONE_AFTER_NOT = Set.of("stop", "help", "only");

    /** "never" followed by one of these intensifies instead of negating: "I've never felt this suicidal". */
    private static final Set<String> INTENSIFIERS = Set.of("so", "this", "as", "more", "that");

    // ---------------------------------------------------------------------------------------------------------------
    // Topic: a clause about a book, film or course rather than about the writer.
    // ---------------------------------------------------------------------------------------------------------------

    /** Before a phrase: "a documentary about domestic abuse", "an essay on self-harm". */
    private static final Pattern TOPIC_BEFORE = Pattern.compile("\\b(?:documentar(?:y|ies)|books?|novels?|articles?"
            + "|podcasts?|films?|movies?|episodes?|lectures?|essays?|leaflets?|posters?|characters?|charity|charities"
            + "|workshops?|seminars?|modules?|thesis|awareness|campaigns?|(?:read|reads|reading|learn|learns|learned"
            + "|learnt|learning|watch|watched|watching|study|studying|studied|wrote|writing)"
            + " (?:(?:a|an|some|the) \\w+ )?(?:about|on))\\b");

    /** Words that end a topic's reach: "I watched a film and then I wanted to die". */
    private static final Pattern TOPIC_SCOPE_BREAKER = Pattern.compile(
            "\\b(?:and|then|because|after|since|until|when|while)\\b");

    /** Right after a phrase: "self-harm awareness week", "one year self-harm free". */
    private static final Pattern TOPIC_AFTER = Pattern.compile("(?:\\s*-\\s*|\\s+)(?:free|awareness|prevention|charity"
            + "|charities|training|documentary|campaign|research|statistics|rates?|workshop|module|course|lecture"
            + "|podcast|book|novel|film|movie|leaflets?|posters?|services?|support group)\\b");

    // ---------------------------------------------------------------------------------------------------------------
    // Normalisation.
    // ---------------------------------------------------------------------------------------------------------------

    private static final Pattern APOSTROPHES = Pattern.compile("[\\u2018\\u2019\\u201B\\u02BC\\u2032\\u00B4`]");

    private static final Pattern DASHES = Pattern.compile("[\\u2012\\u2013\\u2014\\u2015]");

    /** Spelled out so that phrases and negations need only one form: "don't" and "dont" become "do not". */
    private static final List<Replacement> CONTRACTIONS = List.of(
            Replacement.of("\\bwo(?:n't|nt)\\b", "will not"),
            Replacement.of("\\bca(?:n't|nt)\\b|\\bcannot\\b", "can not"),
            Replacement.of("\\bsha(?:n't|nt)\\b", "shall not"),
            Replacement.of("\\bain't\\b", "is not"),
            Replacement.of("n't\\b", " not"),
            Replacement.of("\\b(do|does|did|is|are|was|were|have|has|had|would|could|should|must|need)nt\\b",
                    "$1 not"),
            Replacement.of("\\bi'?m\\b", "i am"),
            Replacement.of("\\bive\\b", "i have"),
            Replacement.of("\\b(he|she|it|that|there|what|who|life|everything|everyone|nobody|someone)'s\\b",
                    "$1 is"),
            Replacement.of("'re\\b", " are"),
            Replacement.of("'ve\\b", " have"),
            Replacement.of("'ll\\b", " will"),
            Replacement.of("'d\\b", " would"));

    /** Where one clause ends and the next begins. */
    private static final Pattern CLAUSE_BOUNDARY = Pattern.compile(
            "[.!?;:,()\\[\\]\"\\u201C\\u201D\\u2026\\r\\n]+|\\s-+\\s|\\bbut\\b|\\bhowever\\b");

    private static final Pattern NOT_PART_OF_A_WORD = Pattern.compile("[^\\p{L}\\p{N}'\\- ]+");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The writer and someone else, as {@link #someoneElses} reads them (contractions are spelled out by then). */
    private static final Set<String> WRITER = Set.of("i", "me", "myself", "im", "ive", "id");
    private static final Set<String> WRITER_IN_A_PHRASE = Set.of("i", "me", "my", "myself");
    private static final Set<String> SOMEONE_ELSE = Set.of("he", "she", "they", "hes", "shes", "himself", "herself",
            "themselves");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)*");

    EnglishCrisisRules() {
    }

    /**
     * The signals found in the text; empty when none. Never logs, never throws on any input (null or blank text
     * gives an empty set).
     */
    Set<CrisisSignal> detect(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        try {
            EnumSet<CrisisSignal> found = EnumSet.noneOf(CrisisSignal.class);
            for (String clause : clauses(text)) {
                for (Map.Entry<CrisisSignal, List<Phrase>> signal : PHRASES.entrySet()) {
                    if (!found.contains(signal.getKey())
                            && saysAny(clause, signal.getValue(), signal.getKey() != CrisisSignal.ABUSE)) {
                        found.add(signal.getKey());
                    }
                }
            }
            return Collections.unmodifiableSet(found);
        }
        catch (RuntimeException | StackOverflowError unexpected) {
            // A safety net must not break the journal; the text is deliberately not logged.
            return Set.of();
        }
    }

    /**
     * Whether the text denies a crisis phrase ("I don't want to die", "I would never hurt myself") without also
     * saying one: then the semantic stage, which reads meaning but not negation, leaves the sentence alone.
     */
    boolean onlyDenies(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            boolean denied = false;
            for (String clause : clauses(text)) {
                for (List<Phrase> phrases : PHRASES.values()) {
                    for (Phrase phrase : phrases) {
                        Matcher match = phrase.pattern().matcher(clause);
                        while (match.find()) {
                            int core = phrase.coreStart(match);
                            if (negated(clause, core)) {
                                denied = true;
                            }
                            else if (!aboutATopic(clause, core, match.end())) {
                                return false;
                            }
                        }
                    }
                }
            }
            return denied;
        }
        catch (RuntimeException | StackOverflowError unexpected) {
            return false;
        }
    }

    /** Whether the clause says one of the phrases, not negated and not about a book or film. */
    /**
     * Whether the clause says one of the phrases, not negated nor about a topic; when {@code writersOwn} (suicidal
     * thoughts, self-harm), also not said of someone else ("my friend said she wants to die").
     */
    private static boolean saysAny(String clause, List<Phrase> phrases, boolean writersOwn) {
        for (Phrase phrase : phrases) {
            Matcher match = phrase.pattern().matcher(clause);
            while (match.find()) {
                int core = phrase.coreStart(match);
                if (!negated(clause, core) && !aboutATopic(clause, core, match.end())
                        && !(writersOwn && someoneElses(clause, core, match.end()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the nearest person named before the core of a phrase is someone else: "she wants to die", "he is
     * suicidal", but not "he makes me want to die" nor "she knows I want to die". A phrase that names the writer
     * itself ("she saw the cuts on my arms"), or has no person before it, is the writer's: journals drop the "I".
     */
    private static boolean someoneElses(String clause, int core, int end) {
        if (words(clause.substring(core, end)).stream().anyMatch(WRITER_IN_A_PHRASE::contains)) {
            return false;
        }
        List<String> before = words(clause.substring(0, core));
        for (int i = before.size() - 1; i >= 0; i--) {
            if (WRITER.contains(before.get(i))) {
                return false;
            }
            if (SOMEONE_ELSE.contains(before.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a negation stands a few words before the core of a phrase, within its reach. */
    private static boolean negated(String clause, int core) {
        List<String> before = words(clause.substring(0, core));
        List<String> after = words(clause.substring(core));
        String firstWordOfPhrase = after.isEmpty() ? "" : after.get(0);
        boolean intensified = false;
        int last = before.size() - 1;
        for (int i = last; i >= 0 && last - i < NEGATION_WINDOW; i--) {
            String word = before.get(i);
            if (NEGATION_SCOPE_BREAKERS.contains(word)) {
                boolean carried = word.equals("i") && i > 0 && NEGATION_CARRIERS.contains(before.get(i - 1));
                if (!carried) {
                    return false;
                }
                continue;
            }
            if (INTENSIFIERS.contains(word)) {
                intensified = true;
            }
            String next = i < last ? before.get(i + 1) : firstWordOfPhrase;
            boolean negation = (NEGATIONS.contains(word) && !(word.equals("not") && UNDONE_AFTER_NOT.contains(next)))
                    || (word.equals("no") && (i == last || NEGATING_AFTER_NO.contains(next)));
            if (negation) {
                return !(intensified && word.equals("never"));
            }
        }
        return false;
    }

    /** Whether the clause talks about a book, film or course, or the phrase names a cause or a milestone. */
    private static boolean aboutATopic(String clause, int core, int end) {
        String before = clause.substring(0, core);
        int from = 0;
        Matcher breaker = TOPIC_SCOPE_BREAKER.matcher(before);
        while (breaker.find()) {
            from = breaker.end();
        }
        return TOPIC_BEFORE.matcher(before.substring(from)).find()
                || TOPIC_AFTER.matcher(clause.substring(end)).lookingAt();
    }

    /** The normalised clauses of the text: lower case, straight apostrophes, contractions spelled out. */
    private static List<String> clauses(String text) {
        String normalised = text.toLowerCase(Locale.ROOT);
        normalised = APOSTROPHES.matcher(normalised).replaceAll("'");
        normalised = DASHES.matcher(normalised).replaceAll(",");
        for (Replacement contraction : CONTRACTIONS) {
            normalised = contraction.pattern().matcher(normalised).replaceAll(contraction.with());
        }
        List<String> clauses = new ArrayList<>();
        for (String part : CLAUSE_BOUNDARY.split(normalised)) {
            String clause = NOT_PART_OF_A_WORD.matcher(part).replaceAll(" ");
            clause = SPACES.matcher(clause).replaceAll(" ").strip();
            if (!clause.isEmpty()) {
                clauses.add(clause);
            }
        }
        return clauses;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    private static List<Phrase> phrases(String... regexes) {
        return Arrays.stream(regexes).map(Phrase::of).toList();
    }

    private static Map<CrisisSignal, List<Phrase>> phrasesBySignal() {
        Map<CrisisSignal, List<Phrase>> phrases = new EnumMap<>(CrisisSignal.class);
        phrases.put(CrisisSignal.SUICIDAL_THOUGHTS, SUICIDAL_THOUGHTS_PHRASES);
        phrases.put(CrisisSignal.SELF_HARM, SELF_HARM_PHRASES);
        phrases.put(CrisisSignal.ABUSE, ABUSE_PHRASES);
        return Collections.unmodifiableMap(phrases);
    }

    /** One phrase; {@code marksCore} when its pattern has a group named "core". */
    private record Phrase(Pattern pattern, boolean marksCore) {

        static Phrase of(String regex) {
            return new Phrase(Pattern.compile(regex), regex.contains("(?<core>"));
        }

        /** Where negations are looked for: before the core words, or before the whole match. */
        int coreStart(Matcher match) {
            if (marksCore) {
                int start = match.start("core");
                if (start >= 0) {
                    return start;
                }
            }
            return match.start();
        }
    }

    private record Replacement(Pattern pattern, String with) {

        static Replacement of(String regex, String with) {
            return new Replacement(Pattern.compile(regex), with);
        }
    }
}

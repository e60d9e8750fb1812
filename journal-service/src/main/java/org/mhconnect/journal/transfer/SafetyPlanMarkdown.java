package org.mhconnect.journal.transfer;

import java.util.List;

import org.mhconnect.journal.safety.SafetyPlan;

/** The safety plan as one Markdown file, in the order of the Stanley–Brown steps. */
final class SafetyPlanMarkdown {

    static String of(SafetyPlan plan) {
        StringBuilder md = new StringBuilder("# My safety plan\n");
        if (plan.reasonForLiving() != null) {
            md.append("\n> ").append(plan.reasonForLiving().replace("\n", " ")).append('\n');
        }
        list(md, "Warning signs", plan.warningSigns());
        list(md, "Things I can do on my own", plan.copingStrategies());
        list(md, "People and places that help me feel better", plan.distractions());
        list(md, "People I can ask for help", plan.contacts().stream()
                .map(contact -> joined(contact.name(), contact.contact())).toList());
        list(md, "Professionals and helplines", plan.professionals().stream()
                .map(professional -> joined(professional.name(), professional.phone(), professional.url())).toList());
        list(md, "Making my surroundings safer", plan.saferSurroundings());
        return md.toString();
    }

    private static void list(StringBuilder md, String heading, List<String> items) {
        md.append("\n## ").append(heading).append("\n\n");
        if (items.isEmpty()) {
            md.append("_Nothing here yet._\n");
        }
        items.forEach(item -> md.append("- ").append(item.replace("\n", " ")).append('\n'));
    }

    private static String joined(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null) {
                text.append(text.isEmpty() ? "" : " · ").append(part);
            }
        }
        return text.toString();
    }

    private SafetyPlanMarkdown() {
    }
}

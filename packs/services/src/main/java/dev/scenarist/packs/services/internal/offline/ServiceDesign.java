package dev.scenarist.packs.services.internal.offline;

import dev.scenarist.packs.services.internal.offline.BusinessKind.Business;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the offline author decided for one seed: the kind and business, names, ports, optional resources, the
 * tables with their sample rows and the workflows. The plan and every implementation file are written from it, so
 * they agree with each other by construction.
 */
record ServiceDesign(long seed, BusinessKind kind, Naming naming, Ports ports, Tables tables, Choices choices) {

    /** The scenario test's third SQL check, drawn by seed among those the design supports. */
    enum ThirdTest { PROVIDERS_ON_RECORD, NO_NEGATIVE_AMOUNT, NOTES_ATTACHED }

    /**
     * What the service and its business are called.
     *
     * @param database the service's PostgreSQL database: its name in snake_case
     * @param texts    the business's words, which the kind's texts are rendered with
     */
    record Naming(Business business, String serviceName, String request, String database, Texts texts) {}

    /**
     * The ports the service and its resources listen on.
     *
     * @param extras optional resources and their ports, in {@link Extra} order
     */
    record Ports(int service, int postgres, int n8n, Map<Extra, Integer> extras) {
        Ports {
            extras = Map.copyOf(extras);
        }
    }

    /**
     * The service's tables with their sample rows.
     *
     * @param notes an optional fourth table of notes on the main table's rows
     */
    record Tables(Table provider, Table party, Table main, Optional<Table> notes) {
        /** Tables in creation order (referenced tables first). */
        List<Table> inCreationOrder() {
            List<Table> out = new ArrayList<>(List.of(provider, party, main));
            notes.ifPresent(out::add);
            return out;
        }
    }

    /**
     * What the seed chose among the variants a design may take.
     *
     * @param weeklyReport whether a third workflow mails a weekly summary
     * @param thirdTest    which third SQL test scenario-test.yaml carries
     */
    record Choices(boolean weeklyReport, String timezone, ThirdTest thirdTest) {}

    List<Extra> extraList() {
        return ports.extras().keySet().stream().sorted().toList();
    }

    /** Shortcut: the service's name, which nearly every file of the scenario writes. */
    String serviceName() {
        return naming.serviceName();
    }

    /** Shortcut: the business's words, which every text of the kind is rendered with. */
    Texts texts() {
        return naming.texts();
    }

    String displayName() {
        return texts().render(kind.listing().display());
    }

    String weeklyReportWorkflow() {
        return "weekly-" + kind.listing().word() + "-summary";
    }

    /** The workflows in service.json's order. */
    List<String> workflows() {
        List<String> out = new ArrayList<>(List.of(kind.automation().intake().workflow(), kind.automation().followUp().workflow()));
        if (choices.weeklyReport()) out.add(weeklyReportWorkflow());
        return out;
    }

    String postgresCredential() {
        return serviceName() + "-postgres";
    }

    String smtpCredential() {
        return ports.extras().containsKey(Extra.MAILHOG) ? serviceName() + "-mailhog" : serviceName() + "-smtp";
    }

    /** The address notices go to when the party has no email column (stock items, not people). */
    String teamAddress() {
        return "team@" + serviceName() + ".example.org";
    }

    boolean partyHasEmail() {
        return kind.tables().party().key().equals("email");
    }
}

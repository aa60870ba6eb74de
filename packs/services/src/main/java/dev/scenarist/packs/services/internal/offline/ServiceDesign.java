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
 *
 * @param extras         optional resources and their ports, in {@link Extra} order
 * @param notes          an optional fourth table of notes on the main table's rows
 * @param weeklyReport   whether a third workflow mails a weekly summary
 * @param thirdTest      which third SQL test scenario-test.yaml carries
 */
record ServiceDesign(long seed, BusinessKind kind, Business business, String serviceName, String request, String database,
                     int servicePort, int postgresPort, int n8nPort, Map<Extra, Integer> extras, Table provider, Table party,
                     Table main, Optional<Table> notes, boolean weeklyReport, String timezone, ThirdTest thirdTest, Texts texts) {

    /** The scenario test's third SQL check, drawn by seed among those the design supports. */
    enum ThirdTest { PROVIDERS_ON_RECORD, NO_NEGATIVE_AMOUNT, NOTES_ATTACHED }

    ServiceDesign {
        extras = Map.copyOf(extras);
    }

    /** Tables in creation order (referenced tables first). */
    List<Table> tables() {
        List<Table> out = new ArrayList<>(List.of(provider, party, main));
        notes.ifPresent(out::add);
        return out;
    }

    List<Extra> extraList() {
        return extras.keySet().stream().sorted().toList();
    }

    String displayName() {
        return texts.render(kind.display());
    }

    String weeklyReportWorkflow() {
        return "weekly-" + kind.word() + "-summary";
    }

    /** The workflows in service.json's order. */
    List<String> workflows() {
        List<String> out = new ArrayList<>(List.of(kind.intake().workflow(), kind.followUp().workflow()));
        if (weeklyReport) out.add(weeklyReportWorkflow());
        return out;
    }

    String postgresCredential() {
        return serviceName + "-postgres";
    }

    String smtpCredential() {
        return extras.containsKey(Extra.MAILHOG) ? serviceName + "-mailhog" : serviceName + "-smtp";
    }

    /** The address notices go to when the party has no email column (stock items, not people). */
    String teamAddress() {
        return "team@" + serviceName + ".example.org";
    }

    boolean partyHasEmail() {
        return kind.partyKey().equals("email");
    }
}

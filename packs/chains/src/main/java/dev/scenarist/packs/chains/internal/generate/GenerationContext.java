package dev.scenarist.packs.chains.internal.generate;

/**
 * The pack context placed first in every generation prompt: what a chain is for, the question pool format exactly as
 * the runner's strict reader takes it, placeholders, checks, wordings, and an example. Stable text, so prompt caches hit.
 */
public final class GenerationContext {
    private GenerationContext() {}

    public static String text() {
        return """
                ## What you write

                Question chains that harden a product's assistant, domain by domain. A chain is a conversation in one assistant
                session: a root question, then follow-ups that each depend on an earlier answer. The runner sends each question
                to the assistant (POST /api/assistant/message), fetches the session after every answer, and runs the step's
                checks on the reply and on the session state (its semantic_memory: what the conversation selected). The chain is
                asked once per wording — canonical, colloquial, pronoun-only — each in its own session, so the acceptance matrix
                shows whether the selected object and date survive a follow-up however it is put.

                ## The pool format (pool.yaml; the reader is strict: unknown fields, missing ones, duplicate ids, malformed
                checks and placeholders naming no earlier step are refused with their line)

                ```yaml
                pack: inventory-stock-then-order          # lower-case letters, digits, '_' and '-': the run's folder name
                domain: inventory and purchasing          # the domain's name, exactly as given
                scenarios:                                # exactly ONE chain in a generated pool
                  - id: stock-then-order                  # lower-case letters, digits, '_' and '-'
                    title: A low item, its stock, then a draft order
                    brief: What the user does and what must carry over.
                    steps:
                      - id: step_01_low_stock             # lower-case letters, digits and '_'; placeholders name it
                        question: Which items are below their reorder point?
                        variants:                         # added by the wordings stage
                          colloquial: what are we running low on?
                        expect:
                          - response.entries[0].item exists
                          - semantic_memory.active_result_set_id exists
                      - id: step_02_stock
                        question: How many {{step_01_low_stock.entries[0].item}} do we have on hand?
                        variants:
                          colloquial: how many {{step_01_low_stock.entries[0].item}} we got left?
                          pronoun_only: How many of it do we have?
                        expect:
                          - response.item == "{{step_01_low_stock.entries[0].item}}"
                          - response.on_hand == {{step_01_low_stock.entries[0].on_hand}}
                          - semantic_memory.selected_item == "{{step_01_low_stock.entries[0].item}}"
                ```

                Step fields: id, question, variants (colloquial, pronoun_only), expect. Nothing else.

                **Placeholders** `{{step_id.path}}` read an earlier step's reply (`{{step_01_low_stock.entries[0].item}}`,
                `{{step_02_last_order.ordered_on}}`); `{{step_id.session.path}}` that step's session;
                `{{semantic_memory.field}}` and `{{session.path}}` the latest session. A placeholder must name an earlier step
                of the same chain (in a check, the step's own id too) and a field that reply really has: one that cannot be
                resolved blocks the step.

                **Checks** are `PATH OP VALUE`: PATH starts at `response.` (the reply), `session.` or `semantic_memory.`, with
                `.field` and `[index]`; OP is one of `==`, `!=`, `>=`, `<=`, `contains`, `exists`, `missing` (the last two take no
                value); VALUE is a JSON literal — a "quoted text", a number, true, false, null — placeholders allowed inside it.
                A `semantic_memory.` check is a carry-over check (P0 when it fails): the selected object must survive.

                **Wordings**: `question` is the canonical wording (explicit, naming its object). `colloquial` is how people type
                it. `pronoun_only` points back ("How many of it do we have?", "Order more of that.", "What else was ordered that
                day?") and names nothing, with no placeholder: the assistant must find the object in its memory. The root
                question has no pronoun_only wording (there is nothing to point back to yet).

                YAML: quote a value that starts with `{{`, `'`, `"`, `-`, `[` or contains `: ` or ` #` (single quotes: 'it''s').
                """;
    }
}

package dev.scenarist.models;

/** Whether the model may, must or must not call a tool (OpenAI {@code tool_choice}, Anthropic {@code tool_choice.type}). */
public enum ToolChoice {
    /** The model decides: OpenAI {@code "auto"}, Anthropic {@code auto}. */
    AUTO,
    /** The model must call at least one tool: OpenAI {@code "required"}, Anthropic {@code any}. */
    REQUIRED,
    /** The model must answer in text: OpenAI {@code "none"}, Anthropic {@code none}. */
    NONE
}

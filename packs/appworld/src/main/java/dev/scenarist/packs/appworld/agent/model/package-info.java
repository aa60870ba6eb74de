/**
 * The model agent: {@link dev.scenarist.packs.appworld.agent.model.LlmAgent} plays a scenario as a proactive assistant
 * through a model's tool calling ({@link dev.scenarist.models.ToolChat}, built by the application with
 * {@code ModelAuthors.toolChat}). It implements the agent contract of {@code appworld.play} and uses the models
 * module's API only.
 */
package dev.scenarist.packs.appworld.agent.model;

package dev.scenarist.packs.appworld.phone.tools;

/**
 * PARE's three tool layers. AGENT: the assistant's flat API over every app. USER: what a person can do on the screen
 * they are looking at. ENV: scripted triggers (the only way a scenario changes the world), each with a notification.
 */
public enum Layer {
    AGENT, USER, ENV
}

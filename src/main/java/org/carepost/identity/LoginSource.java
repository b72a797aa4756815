package org.carepost.identity;

/**
 * Where the login attempt of the current request comes from (source address and channel), set by the web layer
 * for the request's thread so the engine's password check can throttle and count it. Outside a request (the
 * engine's own work, a command-line tool) it is {@link #LOCAL}.
 */
public record LoginSource(String address, String channel) {

    public static final LoginSource LOCAL = new LoginSource("local", "engine");

    private static final ThreadLocal<LoginSource> CURRENT = new ThreadLocal<>();

    public static LoginSource current() {
        LoginSource source = CURRENT.get();
        return source == null ? LOCAL : source;
    }

    public static void set(LoginSource source) {
        CURRENT.set(source);
    }

    public static void clear() {
        CURRENT.remove();
    }
}

package org.liaisonprm.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API tokens the load benchmark creates, one per account that token users sign in as, and revokes once
 * the run is over, however it ended. Synchronized: a shutdown hook may revoke while the run still creates.
 */
final class RunTokens {

    private final LoadClient client;
    private final PrintStream out;
    private final Map<String, LoadClient.Token> byAccount = new LinkedHashMap<>();

    RunTokens(LoadClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /** The secret to send as {@code account}, from a token created on first use. */
    synchronized String secretFor(String account) throws LoadClient.SetupFailed, InterruptedException {
        LoadClient.Token token = byAccount.get(account);
        if (token == null) {
            token = client.createToken(account);
            byAccount.put(account, token);
        }
        return token.secret();
    }

    synchronized int count() {
        return byAccount.size();
    }

    synchronized String accounts() {
        return byAccount.isEmpty() ? "none" : String.join(", ", byAccount.keySet());
    }

    /** Revokes every token created so far; says which it could not, so that someone revokes them by hand. */
    synchronized void revokeAll() {
        var tokens = byAccount.values().iterator();
        while (tokens.hasNext()) {
            LoadClient.Token token = tokens.next();
            String failure;
            try {
                failure = client.revoke(token);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted before revoking the API token " + token.id() + " of " + token.account();
            }
            if (failure != null) {
                out.println("Warning: " + failure + "; revoke it on the account page of " + token.account());
            }
            tokens.remove();
        }
    }
}

package org.mhconnect.systemtests;

import java.util.HashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;

/**
 * Runs script inside the app's service worker, as a browser's developer tools do. Playwright for Java has no handle on
 * service workers, so this goes through chromium's DevTools protocol: it finds the worker of the page's browser
 * context, attaches to it, and sends {@code Runtime.evaluate} in a message to that target.
 */
final class ServiceWorkerScope {

    private final Page page;
    private final CDPSession browser;
    private final String sessionId;
    private final Map<Integer, JsonObject> answers = new HashMap<>();
    private int lastId;

    private ServiceWorkerScope(Page page, CDPSession browser, String sessionId) {
        this.page = page;
        this.browser = browser;
        this.sessionId = sessionId;
        browser.on("Target.receivedMessageFromTarget", event -> {
            if (sessionId.equals(event.get("sessionId").getAsString())) {
                JsonObject message = JsonParser.parseString(event.get("message").getAsString()).getAsJsonObject();
                if (message.has("id")) {
                    answers.put(message.get("id").getAsInt(), message);
                }
            }
        });
    }

    /** The service worker at {@code scriptUrl} that serves the page's browser context (it must be running). */
    static ServiceWorkerScope of(Page page, Browser browser, String scriptUrl) {
        String context = page.context().newCDPSession(page).send("Target.getTargetInfo")
                .getAsJsonObject("targetInfo").get("browserContextId").getAsString();
        CDPSession session = browser.newBrowserCDPSession();
        for (JsonElement each : session.send("Target.getTargets").getAsJsonArray("targetInfos")) {
            JsonObject target = each.getAsJsonObject();
            if ("service_worker".equals(target.get("type").getAsString()) && scriptUrl.equals(target.get("url").getAsString())
                    && context.equals(target.get("browserContextId").getAsString())) {
                JsonObject attach = new JsonObject();
                attach.addProperty("targetId", target.get("targetId").getAsString());
                attach.addProperty("flatten", false);
                return new ServiceWorkerScope(page, session, session.send("Target.attachToTarget", attach)
                        .get("sessionId").getAsString());
            }
        }
        throw new AssertionError("no service worker " + scriptUrl + " runs for this page");
    }

    /**
     * Calls {@code function} (JavaScript source of a function, possibly async) with {@code argument} (JSON) in the
     * worker's global scope, and answers its result as JSON.
     */
    JsonElement call(String function, String argument) {
        int id = ++lastId;
        JsonObject params = new JsonObject();
        params.addProperty("expression", "(" + function + ")(" + argument + ")");
        params.addProperty("awaitPromise", true);
        params.addProperty("returnByValue", true);
        JsonObject request = new JsonObject();
        request.addProperty("id", id);
        request.addProperty("method", "Runtime.evaluate");
        request.add("params", params);
        JsonObject send = new JsonObject();
        send.addProperty("sessionId", sessionId);
        send.addProperty("message", request.toString());
        browser.send("Target.sendMessageToTarget", send);
        // Playwright delivers protocol events while it waits on the page.
        page.waitForCondition(() -> answers.containsKey(id));
        JsonObject answer = answers.remove(id);
        JsonObject result = answer.getAsJsonObject("result");
        if (result == null || result.has("exceptionDetails")) {
            throw new AssertionError("the service worker threw: " + answer);
        }
        JsonObject value = result.getAsJsonObject("result");
        return value.has("value") ? value.get("value") : null;
    }
}

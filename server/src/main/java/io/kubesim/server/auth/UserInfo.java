package io.kubesim.server.auth;

import java.util.List;

/** An authenticated identity: user name and groups (always including {@code system:authenticated}). */
public record UserInfo(String name, List<String> groups) {

    public UserInfo {
        groups = List.copyOf(groups);
    }
}

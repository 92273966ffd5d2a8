package com.agentanchor.profiles.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** Only platform admins appoint and dismiss validators. */
public class NotAnAdmin extends Refusal.NotAllowed {

    public NotAnAdmin() {
        super("Not an admin", "Only a platform admin appoints or dismisses validators");
    }
}

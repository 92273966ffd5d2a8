/** What the observer records. No Spring here. */
package com.agentanchor.observer.domain;

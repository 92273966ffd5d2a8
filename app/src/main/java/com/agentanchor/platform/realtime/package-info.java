/**
 * Realtime: the secondary adapter that turns domain events into Pusher events on the story's channels, signs
 * channel subscriptions for the users entitled to them, and, with no Pusher credentials, serves the Pusher
 * protocol itself ({@code local}). The bridge is a secondary adapter (events out), the controller a primary one
 * (pusher-js asking in); the stereotypes sit on the types.
 */
package com.agentanchor.platform.realtime;

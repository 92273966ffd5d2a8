package com.agentanchor.marketplace.application.port.in;

/** The catalogue's orders: newest published first, best rated first (unrated last), most acquired first. */
public enum ListingOrder {
    newest, rating, popular
}

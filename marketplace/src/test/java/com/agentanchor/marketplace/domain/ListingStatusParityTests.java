package com.agentanchor.marketplace.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/** ListingStatus.mayMoveTo and its SQL twin listing_may_move, which guards every status change, agree on every pair. */
@IntegrationTest
class ListingStatusParityTests {

    @Autowired
    OwnerDatabase database;

    @Test
    void javaAndSqlAgreeOnEveryMove() {
        var disagreements = new ArrayList<String>();
        for (var from : ListingStatus.values()) {
            for (var to : ListingStatus.values()) {
                var sql = database.query("SELECT listing_may_move(?::listing_status, ?::listing_status)",
                        Boolean.class, from.name(), to.name());
                if (sql != from.mayMoveTo(to)) {
                    disagreements.add(from + " -> " + to + ": SQL " + sql + ", Java " + from.mayMoveTo(to));
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }
}

package org.twittner.search.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Envelope;
import org.twittner.platform.PageRules;
import org.twittner.search.control.HashtagSearch;
import org.twittner.search.control.PeopleSearch;
import org.twittner.search.control.PostSearch;
import org.twittner.search.control.RowPage;
import org.twittner.search.control.SearchQuery;

/** search_hashtags, search_people, search_posts: public, personalised when a session is given. */
@ApplicationScoped
@Path("/")
public class SearchResource {

    static final PageRules PAGES = new PageRules(20, 50, 204, "No data found");

    @Inject
    ApiRequest call;

    @Inject
    HashtagSearch hashtags;

    @Inject
    PeopleSearch people;

    @Inject
    PostSearch posts;

    @POST
    @Path("search_hashtags")
    public Envelope searchHashtags() {
        SearchQuery query = SearchQuery.of(call.params().get("query"));
        return results(hashtags.find(query, RowPage.of(call.params().page(PAGES))));
    }

    @POST
    @Path("search_people")
    public Envelope searchPeople() {
        SearchQuery query = SearchQuery.of(call.params().get("query"));
        return results(people.find(viewer(), query, RowPage.of(call.params().page(PAGES))));
    }

    @POST
    @Path("search_posts")
    public Envelope searchPosts() {
        SearchQuery query = SearchQuery.of(call.params().get("query"));
        return results(posts.find(viewer(), query, call.params().page(PAGES)));
    }

    private long viewer() {
        return call.caller().map(Caller::userId).orElse(0L);
    }

    private static Envelope results(List<?> items) {
        if (items.isEmpty()) {
            throw PAGES.empty();
        }
        return Envelope.ok("Results found", items);
    }
}

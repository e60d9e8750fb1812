package org.mhconnect.problems;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.mhconnect.problems.json.StrictJson;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/** What every service's advice answers, on a controller of its own (no application context). */
class StandardProblemsTest {

    record Mood(int mood) {
    }

    @RestController
    static class Probed {
        @GetMapping("/fails")
        String fails() {
            throw new IllegalStateException("dear diary, my secret");
        }

        @GetMapping("/database-away")
        String databaseAway() {
            throw new org.springframework.dao.DataAccessResourceFailureException("Timed out after 3000 ms while waiting for a server",
                    new IllegalStateException("com.mongodb.MongoTimeoutException stand-in"));
        }

        @PostMapping(value = "/moods", consumes = MediaType.APPLICATION_JSON_VALUE)
        Mood mood(@RequestBody Mood mood) {
            return mood;
        }
    }

    @RestControllerAdvice
    static class Problems extends StandardProblems {
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Probed()).setControllerAdvice(new Problems())
            .setMessageConverters(new JacksonJsonHttpMessageConverter(StrictJson.configure(JsonMapper.builder()
                    .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)).build())).build();

    @Test
    void aDatabaseThatIsAwayIsA503WithRetryAfterNotA500() throws Exception {
        mvc.perform(get("/database-away"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.title").value("Temporarily unavailable"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Timed out"))));
    }

    @Test
    void anUnexpectedFailureIsA500WithoutItsMessage() throws Exception {
        mvc.perform(get("/fails"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Internal Server Error"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("secret"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("IllegalState"))));
    }

    @Test
    void anUnsupportedMediaTypeIsNotRepeated() throws Exception {
        mvc.perform(post("/moods").contentType("text/x-script-alert").content("3"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(Matchers.not(Matchers.containsString("x-script-alert"))));
    }

    @Test
    void aWrongMethodIsA405Problem() throws Exception {
        mvc.perform(post("/fails"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("This address does not accept that method."));
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() throws Exception {
        mvc.perform(post("/moods").contentType(MediaType.APPLICATION_JSON).content("{\"mood\":\"3\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mood"));
    }

    @Test
    void anUnknownFieldIsRefusedWithoutRepeatingItsName() throws Exception {
        mvc.perform(post("/moods").contentType(MediaType.APPLICATION_JSON).content("{\"mood\":3,\"scriptAlert\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.not(Matchers.containsString("scriptAlert"))));
    }
}

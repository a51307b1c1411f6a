package org.counterpart.edge.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.ws.rs.container.ResourceInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NeededRoleTest {

    static class Reports {
        public void post() {
        }

        public void list() {
        }

        @RequiresRole(Role.ADMIN)
        public void rerun() {
        }

        @RequiresRole(Role.REVIEWER)
        public void queue() {
        }
    }

    @RequiresRole(Role.REVIEWER)
    static class Reviews {
        public void review() {
        }

        @RequiresRole(Role.ADMIN)
        public void purge() {
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Reports.class, "post", true, Optional.of(Role.WRITER)),
                Arguments.of(Reports.class, "list", false, Optional.empty()),
                Arguments.of(Reports.class, "rerun", true, Optional.of(Role.ADMIN)),
                Arguments.of(Reports.class, "queue", false, Optional.of(Role.REVIEWER)),
                Arguments.of(Reviews.class, "review", true, Optional.of(Role.REVIEWER)),
                Arguments.of(Reviews.class, "review", false, Optional.of(Role.REVIEWER)),
                Arguments.of(Reviews.class, "purge", true, Optional.of(Role.ADMIN)));
    }

    @ParameterizedTest(name = "{0}.{1} write={2} → {3}")
    @MethodSource("cases")
    void aMethodsAnnotationWinsThenItsClassesThenWritesNeedWriter(Class<?> type, String method, boolean write,
                                                                   Optional<Role> needed) throws Exception {
        Method resourceMethod = type.getMethod(method);
        ResourceInfo resource = new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return resourceMethod;
            }

            @Override
            public Class<?> getResourceClass() {
                return type;
            }
        };
        assertEquals(needed, WriteAccess.neededRole(resource, write));
    }
}

package dev.crm.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The processors' interceptor that makes each event's handling one {@link ProjectionWrites#handling}: the
 * statements a projection's handler issues for an event reach the database together, in one round trip.
 * Registered for every processor, so a new kind's projection gets it without asking.
 */
public class WritesPerEvent implements MessageHandlerInterceptor<EventMessage<?>> {

    private final ProjectionWrites writes;

    public WritesPerEvent(ProjectionWrites writes) {
        this.writes = writes;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        return writes.handling(chain::proceed);
    }
}

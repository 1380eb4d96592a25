import { type BpmnElementType } from '../../api';
import { type ElementProcessor } from './shared/processor';
import { boundaryEventProcessor } from './events/boundary-event';
import { businessRuleTaskProcessor } from './tasks/business-rule-task';
import { scriptTaskProcessor } from './tasks/script-task';
import { callActivityProcessor } from './containers/call-activity';
import { eventBasedGatewayProcessor } from './gateways/event-based-gateway';
import { eventSubProcessProcessor } from './containers/event-sub-process';
import { inclusiveGatewayProcessor } from './gateways/inclusive-gateway';
import { multiInstanceBodyProcessor } from './containers/multi-instance-body';
import { endEventProcessor } from './events/end-event';
import { exclusiveGatewayProcessor } from './gateways/exclusive-gateway';
import { intermediateCatchEventProcessor } from './events/intermediate-catch-event';
import { intermediateThrowEventProcessor } from './events/intermediate-throw-event';
import { jobWorkerTaskProcessor } from './tasks/job-worker-task';
import { parallelGatewayProcessor } from './gateways/parallel-gateway';
import { processProcessor } from './containers/process';
import { receiveTaskProcessor } from './tasks/receive-task';
import { startEventProcessor } from './events/start-event';
import { subProcessProcessor } from './containers/sub-process';
import { undefinedTaskProcessor } from './tasks/undefined-task';
import { userTaskProcessor } from './tasks/user-task';

const PROCESSORS: Partial<Record<BpmnElementType, ElementProcessor>> = {
  PROCESS: processProcessor,
  SUB_PROCESS: subProcessProcessor,
  START_EVENT: startEventProcessor,
  END_EVENT: endEventProcessor,
  INTERMEDIATE_CATCH_EVENT: intermediateCatchEventProcessor,
  INTERMEDIATE_THROW_EVENT: intermediateThrowEventProcessor,
  BOUNDARY_EVENT: boundaryEventProcessor,
  SERVICE_TASK: jobWorkerTaskProcessor,
  SEND_TASK: jobWorkerTaskProcessor,
  SCRIPT_TASK: scriptTaskProcessor,
  BUSINESS_RULE_TASK: businessRuleTaskProcessor,
  USER_TASK: userTaskProcessor,
  RECEIVE_TASK: receiveTaskProcessor,
  TASK: undefinedTaskProcessor,
  MANUAL_TASK: undefinedTaskProcessor,
  EXCLUSIVE_GATEWAY: exclusiveGatewayProcessor,
  PARALLEL_GATEWAY: parallelGatewayProcessor,
  CALL_ACTIVITY: callActivityProcessor,
  INCLUSIVE_GATEWAY: inclusiveGatewayProcessor,
  EVENT_SUB_PROCESS: eventSubProcessProcessor,
  EVENT_BASED_GATEWAY: eventBasedGatewayProcessor,
  MULTI_INSTANCE_BODY: multiInstanceBodyProcessor,
};

/** The processor of an element kind; kinds rejected at deployment never get here. */
export function elementProcessor(type: BpmnElementType): ElementProcessor {
  const processor = PROCESSORS[type];
  if (!processor) throw new Error(`No processor for element type '${type}'`);
  return processor;
}

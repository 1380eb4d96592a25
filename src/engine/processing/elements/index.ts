import { type BpmnElementType } from '../../api';
import { type ElementProcessor } from '../bpmn/processor';
import { boundaryEventProcessor } from './boundary-event';
import { businessRuleTaskProcessor } from './business-rule-task';
import { scriptTaskProcessor } from './script-task';
import { withThrowDefinitions } from './throw-events';
import { callActivityProcessor } from './call-activity';
import { eventBasedGatewayProcessor } from './event-based-gateway';
import { eventSubProcessProcessor } from './event-sub-process';
import { inclusiveGatewayProcessor } from './inclusive-gateway';
import { multiInstanceBodyProcessor } from './multi-instance-body';
import { endEventProcessor } from './end-event';
import { exclusiveGatewayProcessor } from './exclusive-gateway';
import { intermediateCatchEventProcessor } from './intermediate-catch-event';
import { intermediateThrowEventProcessor } from './intermediate-throw-event';
import { jobWorkerTaskProcessor } from './job-worker-task';
import { parallelGatewayProcessor } from './parallel-gateway';
import { processProcessor } from './process';
import { receiveTaskProcessor } from './receive-task';
import { startEventProcessor } from './start-event';
import { subProcessProcessor } from './sub-process';
import { undefinedTaskProcessor } from './undefined-task';
import { userTaskProcessor } from './user-task';

const PROCESSORS: Partial<Record<BpmnElementType, ElementProcessor>> = {
  PROCESS: processProcessor,
  SUB_PROCESS: subProcessProcessor,
  START_EVENT: startEventProcessor,
  END_EVENT: withThrowDefinitions(endEventProcessor),
  INTERMEDIATE_CATCH_EVENT: intermediateCatchEventProcessor,
  INTERMEDIATE_THROW_EVENT: withThrowDefinitions(intermediateThrowEventProcessor),
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

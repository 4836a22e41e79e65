export { createSmsSimulator, type SmsSimulator, type SmsSimulatorOptions } from './server.ts';
export {
  ALIYUN_FLOW_LIMITS,
  exceededFlowLimit,
  sendSms,
  type FlowLimit,
  type SentSms,
  type SmsAccount,
} from './send-sms.ts';

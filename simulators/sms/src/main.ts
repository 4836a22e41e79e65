/**
 * CLI of the SMS gateway simulator (Aliyun dysmsapi SendSms).
 *
 *   node simulators/sms/src/main.ts
 *     serves the gateway and its page and prints one JSON line:
 *     {"service":"sim-sms","url":"http://127.0.0.1:7303"}
 *
 * Environment (all optional): SG_SIM_SMS_PORT (default 7303; 0 picks a free port), and the same
 * SG_SMS_ACCESS_KEY_ID, SG_SMS_ACCESS_KEY_SECRET, SG_SMS_SIGN_NAME, SG_SMS_TEMPLATE_CODE the
 * client reads (defaults: the development account), so both sides agree.
 */
import { DEV_SMS_ACCOUNT, smsGatewayConfigFromEnv } from '@sg/identity';
import { LOCAL_HOST, localPort } from '@sg/runtime-env';
import { listenOn } from '@sg/simulator-kit';
import { createSmsSimulator } from './server.ts';

const config = smsGatewayConfigFromEnv();
const { server } = createSmsSimulator({
  account: {
    accessKeyId: config.accessKeyId,
    accessKeySecret: config.accessKeySecret,
    signNames: [config.signName],
    templates: { [config.templateCode]: DEV_SMS_ACCOUNT.template },
  },
});
const listening = await listenOn(server, { host: LOCAL_HOST, port: localPort('smsSimulator') });
console.log(JSON.stringify({ service: 'sim-sms', url: listening.url }));
const stop = () => {
  void listening.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

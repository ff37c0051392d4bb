// Entry point of the customer widget bundle: loader.js calls ChatSuiteWidget.mount(config) once this has loaded.
// The build (WidgetBundler) joins these modules into one classic script, so this is the only global it defines.

import { Conversation } from './conversation.js';

window.ChatSuiteWidget = {
  mount(config) {
    const conversation = new Conversation(config);
    return {
      open: () => conversation.open(),
      close: () => conversation.close(),
    };
  },
};

// The widget's texts in its languages (es, en, pt); a text missing in one falls back to English.

const STRINGS = {
  en: {
    title: 'Chat with us',
    openChat: 'Open chat',
    closeChat: 'Close chat',
    minimize: 'Minimize chat',
    transcript: 'Conversation',
    inputLabel: 'Your message',
    placeholder: 'Type your message…',
    send: 'Send',
    end: 'End chat',
    connecting: 'Connecting…',
    reconnecting: 'Connection lost. Reconnecting…',
    queue: 'You are number {n} in the queue',
    queueUnderAMinute: 'You are number {n} in the queue — less than a minute',
    queueMinutes: 'You are number {n} in the queue — about {m} min',
    joined: '{name} joined the chat',
    chattingWith: 'You are chatting with {name}',
    ended: 'The chat has ended',
    ending: 'Ending the chat…',
    newChat: 'Start a new chat',
    you: 'You',
    agent: 'Agent',
    pending: 'Sending…',
    sent: 'Sent',
    failed: 'Not sent',
    retry: 'Retry',
    expired: 'Your previous chat expired. A new chat has started.',
    unread: '{n} new messages',
    rejectedUNAVAILABLE: 'All our agents are busy right now. Please try again later.',
    rejectedOUT_OF_HOURS: 'We are closed right now.',
    rejectedUNKNOWN_CAMPAIGN: 'This chat is not available.',
    tooLong: 'This message is too long.',
    errorGeneric: 'Something went wrong. Please try again.',
    errorClosed: 'The chat is closed right now.',
    unavailable: 'The chat is not available on this site.',
  },
  es: {
    title: 'Chatea con nosotros',
    openChat: 'Abrir chat',
    closeChat: 'Cerrar chat',
    minimize: 'Minimizar chat',
    transcript: 'Conversación',
    inputLabel: 'Tu mensaje',
    placeholder: 'Escribe tu mensaje…',
    send: 'Enviar',
    end: 'Terminar chat',
    connecting: 'Conectando…',
    reconnecting: 'Conexión perdida. Reconectando…',
    queue: 'Eres el número {n} en la cola',
    queueUnderAMinute: 'Eres el número {n} en la cola — menos de un minuto',
    queueMinutes: 'Eres el número {n} en la cola — unos {m} min',
    joined: '{name} se unió al chat',
    chattingWith: 'Estás chateando con {name}',
    ended: 'El chat ha terminado',
    ending: 'Terminando el chat…',
    newChat: 'Iniciar un nuevo chat',
    you: 'Tú',
    agent: 'Agente',
    pending: 'Enviando…',
    sent: 'Enviado',
    failed: 'No enviado',
    retry: 'Reintentar',
    expired: 'Tu chat anterior expiró. Se ha iniciado un nuevo chat.',
    unread: '{n} mensajes nuevos',
    rejectedUNAVAILABLE: 'Todos nuestros agentes están ocupados. Inténtalo más tarde.',
    rejectedOUT_OF_HOURS: 'En este momento estamos cerrados.',
    rejectedUNKNOWN_CAMPAIGN: 'Este chat no está disponible.',
    tooLong: 'El mensaje es demasiado largo.',
    errorGeneric: 'Algo salió mal. Inténtalo de nuevo.',
    errorClosed: 'El chat está cerrado en este momento.',
    unavailable: 'El chat no está disponible en este sitio.',
  },
  pt: {
    title: 'Fale conosco',
    openChat: 'Abrir chat',
    closeChat: 'Fechar chat',
    minimize: 'Minimizar chat',
    transcript: 'Conversa',
    inputLabel: 'Sua mensagem',
    placeholder: 'Escreva sua mensagem…',
    send: 'Enviar',
    end: 'Encerrar chat',
    connecting: 'Conectando…',
    reconnecting: 'Conexão perdida. Reconectando…',
    queue: 'Você é o número {n} na fila',
    queueUnderAMinute: 'Você é o número {n} na fila — menos de um minuto',
    queueMinutes: 'Você é o número {n} na fila — cerca de {m} min',
    joined: '{name} entrou no chat',
    chattingWith: 'Você está conversando com {name}',
    ended: 'O chat foi encerrado',
    ending: 'Encerrando o chat…',
    newChat: 'Iniciar um novo chat',
    you: 'Você',
    agent: 'Atendente',
    pending: 'Enviando…',
    sent: 'Enviada',
    failed: 'Não enviada',
    retry: 'Tentar novamente',
    expired: 'Seu chat anterior expirou. Um novo chat foi iniciado.',
    unread: '{n} mensagens novas',
    rejectedUNAVAILABLE: 'Todos os nossos atendentes estão ocupados. Tente novamente mais tarde.',
    rejectedOUT_OF_HOURS: 'Estamos fechados neste momento.',
    rejectedUNKNOWN_CAMPAIGN: 'Este chat não está disponível.',
    tooLong: 'A mensagem é longa demais.',
    errorGeneric: 'Algo deu errado. Tente novamente.',
    errorClosed: 'O chat está fechado no momento.',
    unavailable: 'O chat não está disponível neste site.',
  },
};

/** The supported language for `language`, else English. */
export function supportedLanguage(language) {
  return STRINGS[language] ? language : 'en';
}

/** t('queue', {n: 3}) → the text in `language` with its {placeholders} filled in. */
export function translator(language) {
  const strings = STRINGS[supportedLanguage(language)];
  return (key, params = {}) => {
    const text = strings[key] ?? STRINGS.en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
  };
}

/** Whether an English text exists for `key` (so that a server's new reason falls back to a generic text). */
export function hasText(key) {
  return key in STRINGS.en;
}
